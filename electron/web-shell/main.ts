/** Entry of the web shell: the core, the renderer and a URL to open, on 127.0.0.1. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultDataDir, moveLegacyData } from '../core/data-dir'
import { openWithOs } from '../core/edits/open-with-os'
import { createHostedCore } from '../core/hosted-core'
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
  const core = await createHostedCore(dataDir)
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
