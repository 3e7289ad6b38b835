/**
 * `npm run sync -- <pair>`: runs a saved sync pair for cron and other schedulers, with the app's
 * own core, data folder, accounts and secrets (the web shell's secret store choice), and exits
 * with the run's code. Ctrl+C stops following the run; its journal resumes it the next time.
 */
import { createCore } from '../core/core'
import { defaultDataDir } from '../core/data-dir'
import { openKeychainSecretStore } from '../core/keychain-secret-store'
import { chooseSecretStore } from '../core/secret-store-choice'
import { EXIT, parseSyncArgs, SYNC_USAGE } from '../core/sync/sync-args'
import { runSyncCommand } from '../core/sync/sync-command'
import { appVersion } from '../core/version'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const main = async (): Promise<number> => {
  const args = parseSyncArgs(process.argv.slice(2))
  if (args.kind === 'help') {
    console.log(SYNC_USAGE)
    return EXIT.done
  }
  if (args.kind === 'usage') {
    console.error(`${args.message}\n${SYNC_USAGE}`)
    return EXIT.usage
  }
  const dataDir = defaultDataDir()
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
  const stop = () => {
    void core.dispose().finally(() => process.exit(EXIT.failed))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    return await runSyncCommand(core.sync, args, (line) => console.log(line))
  } finally {
    await core.dispose()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `The sync could not run: ${error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(EXIT.failed)
  },
)
