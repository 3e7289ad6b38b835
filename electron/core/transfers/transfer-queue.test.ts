/** The queue's states and limits, with tasks that are plain promises the test controls. */
import { describe, expect, it, vi } from 'vitest'
import type { TransfersUpdate } from '../../../shared/transfers'
import { createTransferQueue, type JobInit, type TaskContext } from './transfer-queue'

type Controlled = {
  readonly init: JobInit
  readonly contexts: TaskContext[]
  finish(): void
  fail(error: Error): void
  discarded: number
}

/** A task that runs until told to finish or fail, or until aborted. */
const controlled = (name: string): Controlled => {
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null
  const state: Controlled = {
    contexts: [],
    discarded: 0,
    finish: () => settle?.resolve(),
    fail: (error) => settle?.reject(error),
    init: {
      batchId: 'batch',
      accountId: 'account',
      kind: 'upload',
      bucket: 'bucket',
      key: name,
      name,
      localPath: null,
      bytesTotal: 100,
      task: {
        run: (context) =>
          new Promise<void>((resolve, reject) => {
            state.contexts.push(context)
            settle = { resolve, reject }
            context.signal.addEventListener('abort', () => reject(context.signal.reason))
          }),
        discard: async () => {
          state.discarded += 1
        },
      },
    },
  }
  return state
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

const setup = (filesInFlight = 2) => {
  const updates: TransfersUpdate[] = []
  const queue = createTransferQueue({
    filesInFlight,
    emit: (update) => updates.push(update),
    notFound: () => new Error('not found'),
  })
  const stateOf = (id: string) => queue.list().transfers.find((t) => t.id === id)?.state
  return { queue, updates, stateOf }
}

describe('transfer queue', () => {
  it('runs at most filesInFlight at once, in order', async () => {
    const { queue, stateOf } = setup(2)
    const tasks = ['a', 'b', 'c'].map(controlled)
    const ids = tasks.map((task) => queue.add(task.init).id)
    await tick()
    expect(ids.map(stateOf)).toEqual(['running', 'running', 'queued'])
    tasks[0]?.finish()
    await tick()
    expect(ids.map(stateOf)).toEqual(['done', 'running', 'running'])
    expect(queue.list().transfers[0]?.bytesDone).toBe(100)
  })

  it('pauses and resumes a running job with a fresh AbortController each run', async () => {
    const { queue, stateOf } = setup(1)
    const task = controlled('a')
    const { id } = queue.add(task.init)
    await tick()
    queue.pause(id)
    await tick()
    expect(stateOf(id)).toBe('paused')
    expect(task.contexts[0]?.signal.aborted).toBe(true)
    expect(task.discarded).toBe(0)
    queue.resume(id)
    await tick()
    expect(stateOf(id)).toBe('running')
    expect(task.contexts[1]?.signal.aborted).toBe(false)
  })

  it('drops the note a job was restored with once it runs again, keeping notes its task wrote', async () => {
    const { queue, stateOf } = setup(1)
    const task = controlled('a')
    const interrupted = 'Interrupted: 17 parts had arrived. Resume to send the rest.'
    const { id } = queue.add({ ...task.init, state: 'paused', note: interrupted })
    const noteOf = () => queue.list().transfers.find((t) => t.id === id)?.note
    expect(noteOf()).toBe(interrupted)
    queue.resume(id)
    await tick()
    expect(stateOf(id)).toBe('running')
    task.contexts[0]?.note('Saved as a (1).')
    task.finish()
    await tick()
    expect(stateOf(id)).toBe('done')
    expect(noteOf()).toBe('Saved as a (1).')

    const other = controlled('b')
    const second = queue.add({ ...other.init, state: 'paused', note: interrupted }).id
    queue.resume(second)
    await tick()
    other.finish()
    await tick()
    expect(queue.list().transfers.find((t) => t.id === second)?.note).toBeNull()
  })

  it('cancels: running, queued or paused jobs end cancelled and give up what they hold', async () => {
    const { queue, stateOf } = setup(1)
    const running = controlled('a')
    const queued = controlled('b')
    const a = queue.add(running.init).id
    const b = queue.add(queued.init).id
    await tick()
    expect(await queue.cancel(b)).toBe(true)
    expect(await queue.cancel(a)).toBe(true)
    expect([stateOf(a), stateOf(b)]).toEqual(['cancelled', 'cancelled'])
    expect([running.discarded, queued.discarded]).toEqual([1, 1])
  })

  it('records failures with their code, retries them, and clears finished jobs', async () => {
    const { queue, stateOf, updates } = setup(1)
    const task = controlled('a')
    const { id } = queue.add(task.init)
    await tick()
    task.fail(Object.assign(new Error('boom'), { name: 'InternalError' }))
    await tick()
    expect(queue.list().transfers[0]).toMatchObject({
      state: 'failed',
      error: { code: 'SERVER_ERROR' },
    })
    queue.retry(id)
    await tick()
    expect(stateOf(id)).toBe('running')
    task.finish()
    await tick()
    queue.clearFinished()
    expect(queue.list().transfers).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(updates.at(-1)?.removed).toEqual([id])
  })

  it('pauseAll and resumeAll act on every job; idle resolves when nothing runs', async () => {
    const { queue, stateOf } = setup(1)
    const tasks = ['a', 'b'].map(controlled)
    const ids = tasks.map((task) => queue.add(task.init).id)
    await tick()
    queue.pauseAll()
    await tick()
    expect(ids.map(stateOf)).toEqual(['paused', 'paused'])
    queue.resumeAll()
    await tick()
    expect(ids.map(stateOf)).toEqual(['running', 'queued'])
    const idle = queue.idle()
    tasks[0]?.finish()
    await tick()
    tasks[1]?.finish()
    await idle
    expect(ids.map(stateOf)).toEqual(['done', 'done'])
  })

  it('emits at most one update per 200 ms, with totals', async () => {
    // A virtual clock: a busy machine delays timers, which must not decide the count.
    vi.useFakeTimers()
    try {
      const { queue, updates } = setup(4)
      const tasks = Array.from({ length: 20 }, (_, index) => controlled(`f${index}`))
      for (const task of tasks) queue.add(task.init)
      await vi.advanceTimersByTimeAsync(0)
      const before = updates.length
      for (let round = 0; round < 20; round += 1) {
        for (const task of tasks) task.contexts.at(-1)?.progress(1)
        await vi.advanceTimersByTimeAsync(50)
      }
      // Constant change for a second: one update per 200 ms, not one per change.
      expect(updates.length - before).toBe(5)
      expect(updates.at(-1)?.totals).toMatchObject({ bytesTotal: 2000 })
      expect(updates.at(-1)?.totals.counts).toMatchObject({ running: 4, queued: 16 })
    } finally {
      vi.useRealTimers()
    }
  })

  it('shutdown pauses what runs', async () => {
    const { queue, stateOf } = setup(1)
    const task = controlled('a')
    const { id } = queue.add(task.init)
    await tick()
    await queue.shutdown()
    expect(stateOf(id)).toBe('paused')
    expect(task.discarded).toBe(0)
  })
})
