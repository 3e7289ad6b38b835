/** Bulk jobs from main (delete, copy, move, empty bucket) and the jobs panel that shows them. */
import type { DssApi, JobRequest } from '../../shared/contract'
import type { AppError } from '../../shared/errors'
import type { JobState, JobSummary } from '../../shared/objects'
import type { SliceCreator } from './app-state'

export type JobsSlice = {
  /** By id, in the order they started. */
  readonly jobs: ReadonlyMap<string, JobSummary>
  readonly jobsPanelOpen: boolean
  /** The last cancel or clear that failed, shown in the panel. */
  readonly jobsError: AppError | null
  loadJobs(): Promise<void>
  applyJobUpdate(job: JobSummary): void
  /** Starts a job and opens the panel; the error when main refused it. */
  startJob(request: JobRequest): Promise<AppError | null>
  cancelJob(jobId: string): Promise<void>
  clearFinishedJobs(): Promise<void>
  setJobsPanelOpen(open: boolean): void
}

export const isFinished = (state: JobState): boolean =>
  state === 'done' || state === 'failed' || state === 'cancelled'

export const createJobsSlice =
  (api: DssApi): SliceCreator<JobsSlice> =>
  (set, get) => {
    // What each job started here was asked to do: a summary does not name its bucket.
    const requests = new Map<string, JobRequest>()

    /** What a job's end changes beyond its own folders (which main reports as changed). */
    const finished = (job: JobSummary): void => {
      const request = requests.get(job.id)
      if (request?.kind !== 'empty-bucket') return
      void get().loadBuckets(job.accountId)
      if (job.state !== 'done' || !request.deleteBucket) return
      get().forgetBucket(request.accountId, request.bucket)
      const { location } = get()
      if (location?.accountId === request.accountId && location.bucket === request.bucket) {
        get().closeBrowser()
      }
    }

    return {
      jobs: new Map(),
      jobsPanelOpen: false,
      jobsError: null,

      loadJobs: async () => {
        const result = await api.invoke('jobs.list', {})
        if (!result.ok) {
          set({ jobsError: result.error })
          return
        }
        // Updates that came while the list was on its way are newer than the list.
        set((state) => ({
          jobs: new Map([
            ...result.value.map((job): [string, JobSummary] => [job.id, job]),
            ...state.jobs,
          ]),
        }))
      },

      applyJobUpdate: (job) => {
        const previous = get().jobs.get(job.id)
        set((state) => ({ jobs: new Map(state.jobs).set(job.id, job) }))
        if (!isFinished(job.state) || (previous && isFinished(previous.state))) return
        finished(job)
      },

      startJob: async (request) => {
        const result = await api.invoke('jobs.start', request)
        if (!result.ok) return result.error
        const job = result.value
        requests.set(job.id, request)
        // An update may have overtaken the answer: keep the newer one, and what its end changed.
        const overtaken = get().jobs.get(job.id)
        set((state) => ({
          jobs: overtaken ? state.jobs : new Map(state.jobs).set(job.id, job),
          jobsPanelOpen: true,
        }))
        if (overtaken && isFinished(overtaken.state)) finished(overtaken)
        return null
      },

      cancelJob: async (jobId) => {
        const result = await api.invoke('jobs.cancel', { jobId })
        set({ jobsError: result.ok ? null : result.error })
      },

      clearFinishedJobs: async () => {
        const result = await api.invoke('jobs.clearFinished', {})
        if (!result.ok) {
          set({ jobsError: result.error })
          return
        }
        set((state) => ({
          jobs: new Map([...state.jobs].filter(([, job]) => !isFinished(job.state))),
          jobsError: null,
        }))
      },

      setJobsPanelOpen: (jobsPanelOpen) => set({ jobsPanelOpen }),
    }
  }
