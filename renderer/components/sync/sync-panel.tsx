import './sync.css'
import { useEffect, useRef } from 'react'
import { useAppStore } from '../../store/app-store'
import { ErrorNotice } from '../error-notice'
import { CloseIcon } from '../icons'
import { ComparingProgress } from './comparing-progress'
import { ComparisonView } from './comparison-view'
import { PairForm } from './pair-form'
import { PlanPreview } from './plan-preview'
import { RunProgress } from './run-progress'
import { directionLabel } from './sync-labels'

/**
 * The main area while a sync is open: the pair's form, then the comparison with the plan (nothing
 * runs before Run is pressed), then the run's progress and result.
 */
export const SyncPanel = () => {
  const session = useAppStore((state) => state.syncSession)
  const closeSync = useAppStore((state) => state.closeSync)
  const editSyncDraft = useAppStore((state) => state.editSyncDraft)
  const titleRef = useRef<HTMLHeadingElement>(null)
  // Keyboard and screen-reader users land on the panel it opened, not on the page's top.
  useEffect(() => titleRef.current?.focus(), [])
  if (!session) return null
  const { draft, step, error } = session

  return (
    <section className="sync-panel" aria-labelledby="sync-title">
      <header className="sync-header">
        <div>
          <h1 className="sync-title" id="sync-title" tabIndex={-1} ref={titleRef}>
            {session.pairId ? `Sync: ${draft.name}` : 'New sync'}
          </h1>
          {step.kind !== 'edit' && (
            <p className="sync-subtitle">
              {directionLabel(draft.direction)} · {draft.localPath} ⇄ {draft.bucket}/{draft.prefix}
            </p>
          )}
        </div>
        <div className="sync-header-actions">
          {(step.kind === 'compared' || step.kind === 'running') && (
            <button type="button" className="button" onClick={editSyncDraft}>
              Edit pair
            </button>
          )}
          <button
            type="button"
            className="button button-quiet button-icon"
            aria-label="Close sync"
            title="Close sync"
            onClick={closeSync}
          >
            <CloseIcon />
          </button>
        </div>
      </header>
      {error && <ErrorNotice title="The sync could not go on" error={error} />}
      <div className="sync-body">
        {step.kind === 'edit' && <PairForm draft={draft} saved={session.pairId !== null} />}
        {step.kind === 'comparing' && <ComparingProgress progress={step.progress} />}
        {step.kind === 'compared' && (
          <>
            <PlanPreview
              comparison={step.comparison}
              plan={step.plan}
              confirm={step.confirm}
              starting={step.starting}
            />
            <ComparisonView comparison={step.comparison} />
          </>
        )}
        {step.kind === 'running' && (
          <>
            <RunProgress runId={step.runId} plan={step.plan} />
            <ComparisonView comparison={step.comparison} />
          </>
        )}
      </div>
    </section>
  )
}
