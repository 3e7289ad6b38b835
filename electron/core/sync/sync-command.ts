/**
 * One sync run from the command line, on a core: the saved pair (by name or id), an interrupted
 * run of it resumed (its finished files are not sent again), else compare, preview and run, with
 * the same guards as the app. Prints one line and gives the exit code.
 */
import { isCodedError } from '../../../shared/errors'
import type { SyncPlan, SyncRunSummary } from '../../../shared/sync'
import type { SyncService } from './sync-service'
import { EXIT } from './sync-args'

const count = (value: number): string => value.toLocaleString('en-US')

const megabytes = (bytes: number): string =>
  bytes < 1_000_000 ? `${count(bytes)} bytes` : `${(bytes / 1_000_000).toFixed(1)} MB`

export const summaryLine = (name: string, summary: SyncRunSummary, ms: number): string =>
  `${name}: ${summary.message} ${megabytes(summary.bytes)}, ${count(summary.requests)} requests, ${(ms / 1000).toFixed(1)} s.`

export const exitCodeOf = (summary: SyncRunSummary): number =>
  summary.outcome === 'done'
    ? EXIT.done
    : summary.outcome === 'stopped'
      ? EXIT.stopped
      : EXIT.failed

export const runSyncCommand = async (
  sync: SyncService,
  request: { readonly pair: string; readonly confirmDeletes: boolean },
  print: (line: string) => void,
): Promise<number> => {
  const started = performance.now()
  const pair = await sync.findPair(request.pair)
  if (!pair) {
    print(`There is no sync pair named "${request.pair}". Save it in DSS Explorer first.`)
    return EXIT.usage
  }
  try {
    const interrupted = await sync.interrupted(pair.id)
    let runId: string
    if (interrupted) {
      print(`${pair.name}: resuming the run that was interrupted.`)
      await sync.resume(interrupted)
      runId = interrupted
    } else {
      const comparison = await sync.compare({ pairId: pair.id }, null)
      const plan: SyncPlan = await sync.preview(comparison.comparisonId)
      if (plan.needsConfirmation && !request.confirmDeletes) {
        const guard = plan.guards.find((candidate) => candidate.kind === 'too-many-deletes')
        print(
          `${pair.name}: stopped, nothing changed. ${guard?.message ?? ''} Run again with --yes to confirm.`,
        )
        return EXIT.stopped
      }
      runId = (await sync.run(plan.planId, request.confirmDeletes)).runId
    }
    const summary = await sync.finished(runId)
    print(summaryLine(pair.name, summary, performance.now() - started))
    return exitCodeOf(summary)
  } catch (error) {
    if (isCodedError(error) && error.code === 'NEEDS_CONFIRMATION') {
      print(
        `${pair.name}: stopped, nothing deleted. ${error.message} Run again with --yes to confirm.`,
      )
      return EXIT.stopped
    }
    print(`${pair.name}: failed. ${error instanceof Error ? error.message : String(error)}`)
    return EXIT.failed
  }
}
