import type { SyncPlan } from '../../../shared/sync'
import { useAppStore } from '../../store/app-store'
import { formatBytes } from '../format'
import { PauseIcon, PlayIcon } from '../icons'
import { runLine } from './sync-labels'

type Props = { readonly runId: string; readonly plan: SyncPlan }

const PHASES = {
  transfers: 'Sending and fetching files',
  deletes: 'Deleting (every transfer succeeded)',
  manifest: 'Recording the agreed state',
  done: 'Finished',
} as const

/** A run's progress with pause, resume and cancel, then its result. */
export const RunProgress = ({ runId, plan }: Props) => {
  const run = useAppStore((state) => state.syncRuns.get(runId))
  const pause = useAppStore((state) => state.pauseSyncRun)
  const resume = useAppStore((state) => state.resumeSyncRun)
  const cancel = useAppStore((state) => state.cancelSyncRun)
  const rerun = useAppStore((state) => state.compareSync)
  if (!run) return null
  const finished = run.state === 'finished'
  const outcome = run.summary?.outcome

  return (
    <section className="sync-run" aria-labelledby="sync-run-title" data-state={run.state}>
      <h2 className="sync-section-title" id="sync-run-title">
        {finished ? 'Result' : 'Running'}
      </h2>
      {!finished && (
        <>
          <progress
            className="sync-progress"
            aria-label="Sync progress"
            max={Math.max(run.actionsTotal, 1)}
            value={run.actionsDone}
          />
          <p className="sync-note" role="status">
            {PHASES[run.phase]}: {runLine(run)}, {formatBytes(run.bytesDone)} of{' '}
            {formatBytes(run.bytesTotal)}
            {run.failed > 0 && `, ${run.failed.toLocaleString()} failed`}
          </p>
          <div className="sync-actions">
            {run.state === 'paused' ? (
              <button type="button" className="button" onClick={() => void resume(runId)}>
                <PlayIcon /> Resume
              </button>
            ) : (
              <button type="button" className="button" onClick={() => void pause(runId)}>
                <PauseIcon /> Pause
              </button>
            )}
            <button type="button" className="button" onClick={() => void cancel(runId)}>
              Cancel sync
            </button>
          </div>
        </>
      )}
      {finished && run.summary && (
        <>
          <p
            className={outcome === 'done' ? 'sync-result is-done' : 'sync-result'}
            role="status"
            data-outcome={outcome}
          >
            {run.summary.message}
          </p>
          <p className="sync-note">
            {run.summary.requests.toLocaleString()} requests, {formatBytes(run.summary.bytes)};
            planned {plan.requests.toLocaleString()}.
          </p>
          <div className="sync-actions">
            <button type="button" className="button" onClick={() => void rerun()}>
              Compare again
            </button>
          </div>
        </>
      )}
    </section>
  )
}
