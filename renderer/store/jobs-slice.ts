/** Bulk jobs from main (delete, copy, move, empty bucket) and the jobs panel that shows them. */
import type { DssApi, JobRequest } from '../../shared/contract'
import type { AppError } from '../../shared/errors'
import type { NameClashPolicy } from '../../shared/name-clash'
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
  /**
   * Starts a job and opens the panel; the error when main refused it. A copy, move or rename
   * onto names that exist asks first (the 'name-clash' dialog); CANCELLED when the user backs out.
   */
  startJob(request: JobRequest): Promise<AppError | null>
  /** The user's answer to a 'name-clash' dialog a copy, move or rename asked; null cancels it. */
  answerJobClash(questionId: string, policy: NameClashPolicy | null): void
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
    const answers = new Map<string, (policy: NameClashPolicy | null) => void>()
    let nextQuestion = 0

    /** The user's choice for a copy or move onto names that exist; null when there are none. */
    const conflictChoice = async (
      request: JobRequest,
    ): Promise<
      | { readonly ok: true; readonly conflict: NameClashPolicy | undefined }
      | { readonly ok: false; readonly error: AppError }
    > => {
      if (request.kind !== 'copy' && request.kind !== 'move')
        return { ok: true, conflict: undefined }
      if (request.conflict !== undefined) return { ok: true, conflict: request.conflict }
      const { kind, accountId, selection, target, newName } = request
      const clashes = await api.invoke('jobs.clashes', {
        kind,
        accountId,
        selection,
        target,
        ...(newName === undefined ? {} : { newName }),
      })
      if (!clashes.ok) return clashes
      const { existing } = clashes.value
      // None: main checks again when the job starts, and refuses if one appeared meanwhile.
      if (existing.length === 0) return { ok: true, conflict: undefined }
      const questionId = `job-clash-${++nextQuestion}`
      const policy = await new Promise<NameClashPolicy | null>((resolve) => {
        answers.set(questionId, resolve)
        get().openDialog({
          kind: 'name-clash',
          operation: newName !== undefined ? 'rename' : kind,
          preparationId: questionId,
          target: {
            accountId: target.accountId ?? accountId,
            bucket: target.bucket,
            prefix: target.prefix,
          },
          existing,
          total: null,
        })
      })
      if (policy === null) return { ok: false, error: { code: 'CANCELLED', message: 'Cancelled.' } }
      return { ok: true, conflict: policy }
    }

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
        const choice = await conflictChoice(request)
        if (!choice.ok) return choice.error
        const started: JobRequest =
          choice.conflict !== undefined && (request.kind === 'copy' || request.kind === 'move')
            ? { ...request, conflict: choice.conflict }
            : request
        const result = await api.invoke('jobs.start', started)
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

      answerJobClash: (questionId, policy) => {
        const answer = answers.get(questionId)
        answers.delete(questionId)
        const { dialog } = get()
        if (dialog?.kind === 'name-clash' && dialog.preparationId === questionId) {
          get().closeDialog()
        }
        answer?.(policy)
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
