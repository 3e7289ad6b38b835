/**
 * The transfer queue: every upload and download is a job with an explicit state, at most
 * `filesInFlight` running, each run with its own AbortController. Pause and cancel abort the run;
 * what a job holds (a multipart upload, a partial file) is given up only on cancel or clear.
 */
import { randomUUID } from 'node:crypto'
import type { AppError } from '../../../shared/errors'
import type {
  TransferSnapshot,
  TransferState,
  TransfersList,
  TransfersUpdate,
} from '../../../shared/transfers'
import { totalsOf } from '../../../shared/transfers'
import { toAppError } from '../error-mapper'
import { createSpeedometer, type Speedometer } from './speedometer'
import { createThrottle } from './throttle'
import type { JobInit, TaskContext } from './transfer-task'

export type { JobInit, TaskContext, TransferTask } from './transfer-task'

type Job = {
  readonly init: JobInit
  readonly id: string
  state: TransferState
  bytesDone: number
  bytesTotal: number | null
  error: AppError | null
  note: string | null
  controller: AbortController | null
  /** Why the running attempt was aborted. */
  stop: 'pause' | 'cancel' | null
  /** The running attempt, settled when it stops. */
  run: Promise<void> | null
  /** Giving up what the job held; true when that worked. */
  discarded: Promise<boolean> | null
  readonly speed: Speedometer
}

export type TransferQueue = {
  add(init: JobInit): TransferSnapshot
  has(id: string): boolean
  pause(id: string): void
  resume(id: string): void
  /** Resolves once the job's upload is aborted and partial file removed: false if that failed. */
  cancel(id: string): Promise<boolean>
  retry(id: string): void
  pauseAll(): void
  resumeAll(): void
  clearFinished(): void
  /** Removes these transfers from the list where they are done (a sync run's, once it ends). */
  clearDone(ids: readonly string[]): void
  /** Ids of the jobs in a state. */
  ids(state: TransferState): string[]
  list(): TransfersList
  setConcurrency(filesInFlight: number): void
  /** Resolves when nothing is queued, running or being discarded. */
  idle(): Promise<void>
  /** Pauses what runs (keeping journal records) and waits for it to stop. */
  shutdown(): Promise<void>
}

const FINISHED: ReadonlySet<TransferState> = new Set(['done', 'failed', 'cancelled'])

/** At most one `transfers.updated` per this interval, over all jobs (5 a second). */
export const UPDATE_INTERVAL_MS = 200

export const createTransferQueue = (options: {
  filesInFlight: number
  emit: (update: TransfersUpdate) => void
  notFound: () => Error
}): TransferQueue => {
  let concurrency = options.filesInFlight
  const jobs = new Map<string, Job>()
  /** Queued ids in the order they run. */
  const waiting = new Set<string>()
  let running = 0
  const discarding = new Set<Promise<boolean>>()
  let idleWaiters: (() => void)[] = []
  const dirty = new Set<string>()
  let removed: string[] = []

  /** Sends what changed (and every running job, whose speed moves) with the totals. */
  const updates = createThrottle(UPDATE_INTERVAL_MS, () => {
    const all = [...jobs.values()].map(snapshot)
    const changed = all.filter((transfer) => dirty.has(transfer.id) || transfer.state === 'running')
    dirty.clear()
    const gone = removed
    removed = []
    if (changed.length > 0 || gone.length > 0) {
      options.emit({ changed, removed: gone, totals: totalsOf(all) })
    }
    if (running > 0) updates.poke()
  })
  const schedule = (): void => updates.poke()

  const changed = (job: Job): void => {
    dirty.add(job.id)
    schedule()
  }

  const snapshot = (job: Job): TransferSnapshot => {
    const speed = job.state === 'running' ? job.speed.bytesPerSecond(job.bytesDone) : 0
    const remaining = job.bytesTotal === null ? null : Math.max(0, job.bytesTotal - job.bytesDone)
    return {
      id: job.id,
      batchId: job.init.batchId,
      accountId: job.init.accountId,
      kind: job.init.kind,
      bucket: job.init.bucket,
      key: job.init.key,
      name: job.init.name,
      localPath: job.init.localPath,
      state: job.state,
      bytesDone: job.bytesDone,
      bytesTotal: job.bytesTotal,
      bytesPerSecond: Math.round(speed),
      etaSeconds: speed > 0 && remaining !== null ? Math.ceil(remaining / speed) : null,
      error: job.error,
      note: job.note,
    }
  }

  const settleIdle = (): void => {
    if (running > 0 || waiting.size > 0 || discarding.size > 0) return
    const waiters = idleWaiters
    idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  const discard = (job: Job): Promise<boolean> => {
    const pending: Promise<boolean> = job.init.task
      .discard()
      .then(
        () => true,
        (error: unknown) => {
          job.note = `Could not clean up: ${toAppError(error).message}`
          changed(job)
          return false
        },
      )
      .finally(() => {
        discarding.delete(pending)
        settleIdle()
      })
    discarding.add(pending)
    job.discarded = pending
    return pending
  }

  const execute = (job: Job): void => {
    job.run = attempt(job)
  }

  const attempt = async (job: Job): Promise<void> => {
    running += 1
    const controller = new AbortController()
    job.controller = controller
    job.stop = null
    job.state = 'running'
    job.error = null
    // A note the job was restored with ("Interrupted: 17 parts had arrived…") is about the run
    // before this one: it goes once the job runs again. Notes its task writes stay.
    if (job.note !== null && job.note === job.init.note) job.note = null
    job.speed.reset(job.bytesDone)
    changed(job)
    const context: TaskContext = {
      signal: controller.signal,
      progress(bytes) {
        job.bytesDone += bytes
      },
      setDone(bytes) {
        job.bytesDone = bytes
        job.speed.reset(bytes)
      },
      setTotal(bytes) {
        job.bytesTotal = bytes
        changed(job)
      },
      note(text) {
        job.note = text
        changed(job)
      },
    }
    try {
      await job.init.task.run(context)
      // Finished is finished, even if a pause or cancel arrived at the last moment.
      job.state = 'done'
      if (job.bytesTotal !== null) job.bytesDone = job.bytesTotal
    } catch (error) {
      if (job.stop === 'pause') {
        job.state = 'paused'
      } else if (job.stop === 'cancel') {
        job.state = 'cancelled'
        void discard(job)
      } else {
        job.state = 'failed'
        job.error = toAppError(error)
      }
    } finally {
      job.controller = null
      job.run = null
      running -= 1
      changed(job)
      pump()
      settleIdle()
    }
  }

  const pump = (): void => {
    while (running < concurrency && waiting.size > 0) {
      const id = waiting.values().next().value as string
      waiting.delete(id)
      const job = jobs.get(id)
      if (job?.state === 'queued') execute(job)
    }
  }

  const find = (id: string): Job => {
    const job = jobs.get(id)
    if (!job) throw options.notFound()
    return job
  }

  const enqueue = (job: Job): void => {
    job.state = 'queued'
    job.error = null
    waiting.add(job.id)
    changed(job)
  }

  const pause = (job: Job): void => {
    if (job.state === 'queued') {
      waiting.delete(job.id)
      job.state = 'paused'
      changed(job)
    } else if (job.state === 'running' && job.stop === null) {
      job.stop = 'pause'
      job.controller?.abort(new Error('Paused.'))
    }
  }

  const resume = (job: Job): void => {
    if (job.state === 'paused') enqueue(job)
  }

  const remove = (job: Job): void => {
    jobs.delete(job.id)
    dirty.delete(job.id)
    removed.push(job.id)
    job.init.task.forget?.()
    schedule()
  }

  return {
    add(init) {
      const job: Job = {
        init,
        id: init.id ?? randomUUID(),
        state: init.state ?? 'queued',
        bytesDone: init.bytesDone ?? 0,
        bytesTotal: init.bytesTotal,
        error: null,
        note: init.note ?? null,
        controller: null,
        stop: null,
        run: null,
        discarded: null,
        speed: createSpeedometer(),
      }
      jobs.set(job.id, job)
      if (job.state === 'queued') waiting.add(job.id)
      changed(job)
      pump()
      return snapshot(job)
    },
    has: (id) => jobs.has(id),
    pause: (id) => pause(find(id)),
    resume(id) {
      resume(find(id))
      pump()
    },
    async cancel(id) {
      const job = find(id)
      if (job.state === 'running') {
        if (job.stop !== 'cancel') {
          job.stop = 'cancel'
          job.controller?.abort(new Error('Cancelled.'))
        }
        await job.run
        return (await job.discarded) ?? true
      }
      if (job.state === 'done') return true
      if (job.state === 'cancelled') return (await job.discarded) ?? true
      waiting.delete(job.id)
      job.state = 'cancelled'
      changed(job)
      return discard(job)
    },
    retry(id) {
      const job = find(id)
      if (job.state === 'failed') enqueue(job)
      pump()
    },
    pauseAll() {
      for (const job of jobs.values()) pause(job)
    },
    resumeAll() {
      for (const job of jobs.values()) resume(job)
      pump()
    },
    clearFinished() {
      for (const job of jobs.values()) {
        if (!FINISHED.has(job.state)) continue
        // A failure given up on must not leave an upload or a partial file behind.
        if (job.state === 'failed') void discard(job)
        remove(job)
      }
    },
    clearDone(ids) {
      for (const id of ids) {
        const job = jobs.get(id)
        if (job?.state === 'done') remove(job)
      }
    },
    ids: (state) => [...jobs.values()].filter((job) => job.state === state).map((job) => job.id),
    list() {
      const transfers = [...jobs.values()].map(snapshot)
      return { transfers, totals: totalsOf(transfers) }
    },
    setConcurrency(filesInFlight) {
      concurrency = filesInFlight
      pump()
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve)
        settleIdle()
      })
    },
    async shutdown() {
      for (const job of jobs.values()) {
        if (job.state === 'queued') waiting.delete(job.id)
        if (job.state === 'running') pause(job)
      }
      await new Promise<void>((resolve) => {
        idleWaiters.push(resolve)
        settleIdle()
      })
      updates.settle()
    },
  }
}
