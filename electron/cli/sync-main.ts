/**
 * `npm run sync -- <pair>`: runs a saved sync pair for cron and other schedulers, with the app's
 * own core, data folder, accounts and secrets (the web shell's secret store choice), and exits
 * with the run's code. Ctrl+C stops following the run; its journal resumes it the next time.
 */
import { defaultDataDir } from '../core/data-dir'
import { createHostedCore } from '../core/hosted-core'
import { answerWithoutRun, EXIT, parseSyncArgs } from '../core/sync/sync-args'
import { runSyncCommand } from '../core/sync/sync-command'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const main = async (): Promise<number> => {
  const args = parseSyncArgs(process.argv.slice(2))
  const answered = answerWithoutRun(args, { out: console.log, err: console.error })
  if (answered !== null || args.kind !== 'run') return answered ?? EXIT.usage
  const core = await createHostedCore(defaultDataDir())
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
