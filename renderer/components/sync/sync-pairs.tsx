import './sync.css'
import { useState } from 'react'
import type { SyncPair, SyncRunSnapshot } from '../../../shared/sync'
import type { AppError } from '../../../shared/errors'
import { useAppStore } from '../../store/app-store'
import { formatDate } from '../format'
import { PauseIcon, PencilIcon, PlayIcon, PlusIcon, RefreshIcon, TrashIcon } from '../icons'
import { directionLabel, runLine } from './sync-labels'

/** A run of this pair that has not finished, if any. */
const activeRun = (
  runs: ReadonlyMap<string, SyncRunSnapshot>,
  pairId: string,
): SyncRunSnapshot | null =>
  [...runs.values()].find((run) => run.pairId === pairId && run.state !== 'finished') ?? null

const PairItem = ({ pair }: { readonly pair: SyncPair }) => {
  const run = useAppStore((state) => activeRun(state.syncRuns, pair.id))
  const open = useAppStore((state) => state.syncSession?.pairId === pair.id)
  const rerun = useAppStore((state) => state.rerunSyncPair)
  const edit = useAppStore((state) => state.editSyncPair)
  const remove = useAppStore((state) => state.removeSyncPair)
  const pause = useAppStore((state) => state.pauseSyncRun)
  const resume = useAppStore((state) => state.resumeSyncRun)
  const cancel = useAppStore((state) => state.cancelSyncRun)
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const last = pair.lastRun

  return (
    <li className={open ? 'sync-pair is-open' : 'sync-pair'} aria-label={pair.name}>
      <div className="sync-pair-name">{pair.name}</div>
      <div className="sync-pair-meta">
        {directionLabel(pair.direction)} · {pair.bucket}/{pair.prefix}
      </div>
      <div className="sync-pair-last" data-outcome={run ? 'running' : (last?.outcome ?? 'never')}>
        {run
          ? runLine(run)
          : last
            ? `${last.message} ${formatDate(last.finishedAt)}`
            : 'Not run yet.'}
      </div>
      {run && (
        // A run goes on with the panel closed, and one left by a restart comes back paused here.
        <div className="sync-pair-actions" role="group" aria-label={`Run of ${pair.name}`}>
          {run.state === 'paused' ? (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void resume(run.runId).then(setError)}
            >
              <PlayIcon /> Resume
            </button>
          ) : (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void pause(run.runId).then(setError)}
            >
              <PauseIcon /> Pause
            </button>
          )}
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void cancel(run.runId).then(setError)}
          >
            Cancel
          </button>
        </div>
      )}
      {asking ? (
        <div className="sync-pair-actions" role="group" aria-label={`Remove ${pair.name}?`}>
          <span className="sync-note">Forget this pair? No file is touched.</span>
          <button
            type="button"
            className="button button-danger"
            onClick={() =>
              void remove(pair.id).then((failed) => {
                setError(failed)
                setAsking(false)
              })
            }
          >
            Remove
          </button>
          <button type="button" className="button" onClick={() => setAsking(false)}>
            Keep
          </button>
        </div>
      ) : (
        <div className="sync-pair-actions">
          <button
            type="button"
            className="button button-quiet"
            aria-label={`Sync ${pair.name} now`}
            title="Compare and preview; the run waits for your confirmation"
            disabled={run !== null}
            onClick={() => void rerun(pair.id)}
          >
            <RefreshIcon /> Sync
          </button>
          <button
            type="button"
            className="button button-quiet button-icon"
            aria-label={`Edit ${pair.name}`}
            title="Edit"
            onClick={() => edit(pair.id)}
          >
            <PencilIcon />
          </button>
          <button
            type="button"
            className="button button-quiet button-icon"
            aria-label={`Remove ${pair.name}`}
            title="Remove"
            onClick={() => setAsking(true)}
          >
            <TrashIcon />
          </button>
        </div>
      )}
      {error && (
        <p className="field-hint field-hint-error" role="alert">
          {error.message}
        </p>
      )}
    </li>
  )
}

/** The sidebar's saved sync pairs: direction, last result and when; sync, edit, remove. */
export const SyncPairs = () => {
  const pairs = useAppStore((state) => state.syncPairs)
  const openSync = useAppStore((state) => state.openSync)
  const location = useAppStore((state) => state.location)
  const accountId = useAppStore((state) => state.selectedAccountId)

  return (
    <section className="sync-pairs" aria-labelledby="sync-pairs-heading">
      <div className="sync-pairs-header">
        <h2 className="sidebar-heading" id="sync-pairs-heading">
          Sync pairs
        </h2>
        <button
          type="button"
          className="button button-quiet button-icon"
          aria-label="New sync pair"
          title="New sync pair"
          onClick={() =>
            openSync(
              location
                ? {
                    accountId: location.accountId,
                    bucket: location.bucket,
                    prefix: location.prefix,
                  }
                : { accountId: accountId ?? '' },
            )
          }
        >
          <PlusIcon />
        </button>
      </div>
      {pairs.length === 0 ? (
        <p className="sidebar-note">Keep a local folder and a bucket folder in step.</p>
      ) : (
        <ul className="sync-pair-list">
          {pairs.map((pair) => (
            <PairItem key={pair.id} pair={pair} />
          ))}
        </ul>
      )}
    </section>
  )
}
