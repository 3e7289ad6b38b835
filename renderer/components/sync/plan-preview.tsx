import { useEffect, useRef } from 'react'
import type { ActionTotals, Comparison, SyncPlan } from '../../../shared/sync'
import { useAppStore } from '../../store/app-store'
import { formatDuration } from '../format'
import { AlertIcon } from '../icons'
import { Spinner } from '../spinner'
import { filesAndBytes } from './sync-labels'

type Props = {
  readonly comparison: Comparison
  readonly plan: SyncPlan | null
  /** A delete guard's question after a run was refused, until answered. */
  readonly confirm: string | null
  readonly starting: boolean
}

const Total = ({ label, totals }: { readonly label: string; readonly totals: ActionTotals }) => (
  <div className="sync-total" data-empty={totals.files === 0}>
    <dt>{label}</dt>
    <dd>{filesAndBytes(totals.files, totals.bytes)}</dd>
  </div>
)

/** What the run will do, before anything starts: Run is the user's confirmation. */
export const PlanPreview = ({ comparison, plan, confirm, starting }: Props) => {
  const runSync = useAppStore((state) => state.runSync)
  const rerun = useAppStore((state) => state.compareSync)
  const webShell = useAppStore((state) => state.appInfo?.shell === 'web')
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The comparison replaced what had focus (Compare, Stop comparing): the preview takes it.
  useEffect(() => headingRef.current?.focus(), [plan?.planId])
  if (!plan) return null
  const { totals } = plan
  const nothing = plan.actions.length === 0
  const localDeletes = plan.actions.some(({ kind }) => kind === 'delete-local')
  const keptBoth = plan.actions.filter(({ kind }) => kind === 'keep-both')

  return (
    <section className="sync-preview" aria-labelledby="sync-preview-title">
      <h2 className="sync-section-title" id="sync-preview-title" tabIndex={-1} ref={headingRef}>
        Preview
      </h2>
      {nothing ? (
        <p className="sync-in-step" role="status">
          Both sides are in step: nothing to do.
        </p>
      ) : (
        <dl className="sync-totals">
          <Total label="Uploads" totals={totals.uploads} />
          <Total label="Downloads" totals={totals.downloads} />
          <Total label="Replaces" totals={totals.replaces} />
          <Total label="Deletes" totals={totals.deletes} />
          <Total label="Kept as both" totals={totals.keptBoth} />
          <div className="sync-total">
            <dt>Requests</dt>
            <dd>
              {plan.requests.toLocaleString()}, {formatDuration(plan.seconds)} at the account’s rate
            </dd>
          </div>
        </dl>
      )}
      {keptBoth.length > 0 && (
        <ul className="sync-kept" aria-label="Kept as both">
          {keptBoth.slice(0, 5).map((action) => (
            <li key={action.path}>
              <strong>{action.path}</strong>: the other side’s version is saved beside it as{' '}
              <strong>{action.newPath ?? 'a renamed copy'}</strong>, nothing is overwritten.
            </li>
          ))}
          {keptBoth.length > 5 && <li>and {(keptBoth.length - 5).toLocaleString()} more.</li>}
        </ul>
      )}
      {localDeletes && (
        <p className="sync-note">
          Files deleted here are moved to the trash, never deleted for good
          {webShell
            ? ': to the sync-trash folder in the app’s data folder, one folder per run.'
            : '.'}
        </p>
      )}
      {/* The delete guard's own words are the question below once the run has asked. */}
      {plan.guards
        .filter((guard) => !(confirm && guard.kind === 'too-many-deletes'))
        .map((guard) => (
          <p key={guard.kind} className="sync-guard">
            <AlertIcon /> {guard.message}
          </p>
        ))}
      {confirm ? (
        <div className="sync-confirm" role="alertdialog" aria-labelledby="sync-confirm-text">
          <p id="sync-confirm-text">
            <strong>{confirm}</strong> Nothing has been changed yet. Run it with these deletes?
          </p>
          <div className="sync-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={starting}
              onClick={() => void runSync(true)}
            >
              Delete and run
            </button>
            <button type="button" className="button" onClick={() => void rerun()}>
              Compare again
            </button>
          </div>
        </div>
      ) : (
        <div className="sync-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={starting || nothing}
            onClick={() => void runSync(false)}
          >
            {starting && <Spinner />}
            Run sync
          </button>
          <button type="button" className="button" onClick={() => void rerun()}>
            Compare again
          </button>
          <span className="sync-note">
            Compared {new Date(comparison.comparedAt).toLocaleTimeString()}
          </span>
        </div>
      )}
    </section>
  )
}
