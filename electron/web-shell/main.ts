/** Entry of the web shell: the core, the renderer and a URL to open, on 127.0.0.1. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore } from '../core/core'
import { defaultDataDir, moveLegacyData } from '../core/data-dir'
import { openWithOs } from '../core/edits/open-with-os'
import { openKeychainSecretStore } from '../core/keychain-secret-store'
import { chooseSecretStore } from '../core/secret-store-choice'
import { appVersion } from '../core/version'
import { startWebShell, type WebShell } from './server'
import { loadShellToken } from './shell-token'

export type WebShellOptions = {
  readonly port?: number
  readonly dataDir?: string
  readonly openBrowser?: boolean
}

export const runWebShell = async (options: WebShellOptions = {}): Promise<WebShell> => {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const dataDir = options.dataDir ?? defaultDataDir()
  // The same folder as the desktop app's; data an earlier build left elsewhere comes along once.
  const movedFrom = options.dataDir ? null : await moveLegacyData(dataDir)
  if (movedFrom) console.log(`Moved your DSS Explorer data from ${movedFrom} to ${dataDir}.`)
  // The same decision as the desktop app's, without its OS cipher: the keychain where this
  // machine has one, otherwise a file only the user can read, and the UI says which.
  const secrets = await chooseSecretStore({
    dataDir,
    osCipher: null,
    openKeychain: openKeychainSecretStore,
  })
  const core = createCore({
    dataDir,
    info: { version: appVersion, shell: 'web', platform: process.platform },
    secrets,
  })
  const shell = await startWebShell({
    core,
    rendererDir: path.join(here, 'renderer'),
    port: options.port,
    // Kept across restarts, so a tab left open reconnects to a shell started again.
    token: await loadShellToken(dataDir),
  })
  const stop = async (): Promise<void> => {
    await shell.close()
    await core.dispose()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  console.log(`DSS Explorer is running at ${shell.url}`)
  // The system's opener, as for editing a file; no browser launcher is fine: the URL is printed.
  if (options.openBrowser) void openWithOs()(shell.url).catch(() => undefined)
  return shell
}
