/** How full a job's progress bar is drawn, and in which tone. */
import type { JobSummary } from '../../../shared/objects'

export type JobBar =
  /** Not counted yet: an indeterminate sweep. */
  { readonly kind: 'counting' } | { readonly kind: 'filled'; readonly percent: number }

/**
 * A done job's bar is full whatever its counts say (a step may not be counted, e.g. the bucket
 * an "Empty and delete" job removes); a failed or cancelled one stops where the job stopped.
 */
export const jobBar = (job: Pick<JobSummary, 'state' | 'done' | 'total'>): JobBar => {
  if (job.state === 'done') return { kind: 'filled', percent: 100 }
  if (job.total === null || job.total === 0) {
    return job.state === 'queued' || job.state === 'running'
      ? { kind: 'counting' }
      : { kind: 'filled', percent: 0 }
  }
  return { kind: 'filled', percent: Math.min(100, Math.max(0, (job.done / job.total) * 100)) }
}
