import type { JobState, JobSummary } from '../../../shared/objects'
import { useAppStore } from '../../store/app-store'
import { isFinished } from '../../store/jobs-slice'
import { countOf } from '../format'
import { jobBar } from './job-progress'

const stateLabels: Readonly<Record<JobState, string>> = {
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

/** One job: what it is, how far it got, and every failure it met (kept until cleared). */
export const JobItem = ({ job }: { readonly job: JobSummary }) => {
  const cancelJob = useAppStore((state) => state.cancelJob)
  const finished = isFinished(job.state)
  const bar = jobBar(job)
  const done = job.done.toLocaleString()
  // A job that ended before it counted its objects has nothing left to count.
  const count =
    job.total !== null
      ? `${done} / ${job.total.toLocaleString()}`
      : `${done} ${finished ? 'done' : '/ counting…'}`
  return (
    <li className="job" data-testid="job" data-state={job.state} aria-label={job.title}>
      <div className="job-head">
        <span className="job-title" title={job.title}>
          {job.title}
        </span>
        <span className={`state-badge is-${job.state}`}>{stateLabels[job.state]}</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={`Progress of ${job.title}`}
        aria-valuemin={0}
        aria-valuemax={job.total ?? undefined}
        aria-valuenow={job.total === null ? undefined : job.done}
        aria-valuetext={bar.kind === 'filled' ? `${Math.round(bar.percent)}%` : 'Counting'}
      >
        <span
          className={bar.kind === 'counting' ? 'progress-fill is-counting' : 'progress-fill'}
          style={bar.kind === 'filled' ? { width: `${bar.percent}%` } : undefined}
        />
      </div>
      <div className="job-meta">
        <span className="job-count">{count}</span>
        {!finished && (
          <button type="button" className="link-button" onClick={() => void cancelJob(job.id)}>
            Cancel
          </button>
        )}
      </div>
      {job.error && (
        <p className="job-error" role="alert">
          {job.error.message} <code>{job.error.code}</code>
        </p>
      )}
      {job.failureCount > 0 && (
        <details className="job-failures">
          <summary>
            {countOf(job.failureCount, 'failure')}
            {job.failureCount > job.failures.length && ` (first ${job.failures.length} shown)`}
          </summary>
          <ul>
            {job.failures.map((failure, index) => (
              <li key={`${failure.key}-${index}`}>
                <span className="job-failure-key">{failure.key}</span>
                <span className="job-failure-message">
                  {failure.message} <code>{failure.code}</code>
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  )
}
