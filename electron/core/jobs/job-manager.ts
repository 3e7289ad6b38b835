/**
 * Bulk operations as jobs in one queue: explicit states, an AbortController each, a bounded
 * number running at once, per-object failures kept (never silently skipped), and progress
 * events at most about five times a second per job.
 */
import { randomUUID } from 'node:crypto'
import { queuedJob, type JobFailure, type JobKind, type JobSummary } from '../../../shared/objects'
import { CodedError } from '../../../shared/errors'
import { toAppError } from '../error-mapper'
import type { EventBus } from '../event-bus'

export const PROGRESS_INTERVAL_MS = 200
const KEPT_FAILURES = 100

export type JobContext = {
  readonly signal: AbortSignal
  /** Adds to the count of objects handled; `total` once it is known. */
  progress(doneDelta: number, total?: number): void
  /** Records one object that failed; the job goes on with the others. */
  fail(failure: JobFailure): void
}

export type JobSpec = {
  readonly accountId: string
  readonly kind: JobKind
  readonly title: string
  readonly run: (context: JobContext) => Promise<void>
  /** Called after the job ends, whatever its state (e.g. to announce changed listings). */
  readonly finally?: () => void
}

export type JobManager = {
  start(spec: JobSpec): JobSummary
  cancel(id: string): void
  list(): JobSummary[]
  clearFinished(): void
  /** Resolves when no job is queued or running (tests, shutdown). */
  idle(): Promise<void>
  cancelAll(): void
}

type Entry = {
  summary: JobSummary
  readonly spec: JobSpec
  readonly controller: AbortController
  lastEmit: number
  timer: ReturnType<typeof setTimeout> | undefined
}

const isFinished = (summary: JobSummary): boolean =>
  summary.state === 'done' || summary.state === 'failed' || summary.state === 'cancelled'

export const createJobManager = (options: {
  events: EventBus
  concurrency?: number
}): JobManager => {
  const concurrency = options.concurrency ?? 2
  const entries = new Map<string, Entry>()
  let running = 0
  let idleWaiters: (() => void)[] = []

  const emitNow = (entry: Entry): void => {
    clearTimeout(entry.timer)
    entry.timer = undefined
    entry.lastEmit = Date.now()
    options.events.emit('jobs.updated', entry.summary)
  }

  /** Progress is coalesced: at most one event per interval, the latest state always sent. */
  const emitThrottled = (entry: Entry): void => {
    if (entry.timer) return
    const wait = PROGRESS_INTERVAL_MS - (Date.now() - entry.lastEmit)
    if (wait <= 0) emitNow(entry)
    else entry.timer = setTimeout(() => emitNow(entry), wait)
  }

  const update = (entry: Entry, changes: Partial<JobSummary>, urgent: boolean): void => {
    entry.summary = { ...entry.summary, ...changes }
    if (urgent) emitNow(entry)
    else emitThrottled(entry)
  }

  const settleIdle = (): void => {
    const busy = [...entries.values()].some((entry) => !isFinished(entry.summary))
    if (busy) return
    const waiters = idleWaiters
    idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  const execute = async (entry: Entry): Promise<void> => {
    running += 1
    update(entry, { state: 'running' }, true)
    const context: JobContext = {
      signal: entry.controller.signal,
      progress(doneDelta, total) {
        update(
          entry,
          { done: entry.summary.done + doneDelta, total: total ?? entry.summary.total },
          false,
        )
      },
      fail(failure) {
        const failures =
          entry.summary.failures.length < KEPT_FAILURES
            ? [...entry.summary.failures, failure]
            : entry.summary.failures
        update(entry, { failures, failureCount: entry.summary.failureCount + 1 }, false)
      },
    }
    try {
      await entry.spec.run(context)
      if (entry.controller.signal.aborted) throw new CodedError('CANCELLED', 'Cancelled.')
      update(entry, { state: entry.summary.failureCount > 0 ? 'failed' : 'done' }, true)
    } catch (error) {
      const cancelled = entry.controller.signal.aborted
      update(
        entry,
        {
          state: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? null : toAppError(error),
        },
        true,
      )
    } finally {
      update(entry, { finishedAt: new Date().toISOString() }, true)
      running -= 1
      entry.spec.finally?.()
      next()
      settleIdle()
    }
  }

  const next = (): void => {
    for (const entry of entries.values()) {
      if (running >= concurrency) return
      if (entry.summary.state === 'queued') void execute(entry)
    }
  }

  return {
    start(spec) {
      const summary = queuedJob({
        id: randomUUID(),
        accountId: spec.accountId,
        kind: spec.kind,
        title: spec.title,
      })
      const entry: Entry = {
        summary,
        spec,
        controller: new AbortController(),
        lastEmit: 0,
        timer: undefined,
      }
      entries.set(summary.id, entry)
      emitNow(entry)
      next()
      return entry.summary
    },
    cancel(id) {
      const entry = entries.get(id)
      if (!entry) throw new CodedError('NOT_FOUND', 'That job no longer exists.')
      if (isFinished(entry.summary)) return
      entry.controller.abort(new CodedError('CANCELLED', 'Cancelled.'))
      if (entry.summary.state === 'queued') {
        update(entry, { state: 'cancelled', finishedAt: new Date().toISOString() }, true)
        settleIdle()
      }
    },
    list: () => [...entries.values()].map((entry) => entry.summary),
    clearFinished() {
      for (const [id, entry] of entries) if (isFinished(entry.summary)) entries.delete(id)
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve)
        settleIdle()
      })
    },
    cancelAll() {
      for (const entry of entries.values()) {
        if (!isFinished(entry.summary))
          entry.controller.abort(new CodedError('CANCELLED', 'Cancelled.'))
      }
    },
  }
}
