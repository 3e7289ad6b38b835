import { describe, expect, it } from 'vitest'
import {
  totalsOf,
  type TransferSnapshot,
  type TransferState,
  type TransfersUpdate,
} from '../../../shared/transfers'
import { createBatchTracker, describeBatch, taskbarProgress } from './batch-tracker'

const snapshot = (id: string, batchId: string, state: TransferState): TransferSnapshot => ({
  id,
  batchId,
  accountId: 'a',
  kind: 'upload',
  bucket: 'photos',
  key: `k/${id}`,
  name: `${id}.jpg`,
  localPath: null,
  state,
  bytesDone: state === 'done' ? 100 : 40,
  bytesTotal: 100,
  bytesPerSecond: 0,
  etaSeconds: null,
  error: null,
  note: null,
})

const update = (changed: TransferSnapshot[], removed: string[] = []): TransfersUpdate => ({
  changed,
  removed,
  totals: totalsOf(changed),
})

describe('batch tracker', () => {
  it('reports a batch once, when its last transfer is final', () => {
    const tracker = createBatchTracker()
    expect(
      tracker.observe(update([snapshot('1', 'b', 'running'), snapshot('2', 'b', 'queued')])),
    ).toEqual([])
    expect(tracker.observe(update([snapshot('1', 'b', 'done')]))).toEqual([])
    const [finished] = tracker.observe(update([snapshot('2', 'b', 'failed')]))
    expect(finished).toMatchObject({ batchId: 'b', done: 1, failed: 1, cancelled: 0 })
    // Clearing or touching it again reports nothing more.
    expect(tracker.observe(update([snapshot('2', 'b', 'failed')]))).toEqual([])
  })

  it('a paused transfer keeps its batch unfinished', () => {
    const tracker = createBatchTracker()
    tracker.observe(update([snapshot('1', 'b', 'running'), snapshot('2', 'b', 'running')]))
    expect(
      tracker.observe(update([snapshot('1', 'b', 'done'), snapshot('2', 'b', 'paused')])),
    ).toEqual([])
    expect(tracker.observe(update([snapshot('2', 'b', 'running')]))).toEqual([])
    expect(tracker.observe(update([snapshot('2', 'b', 'done')]))).toHaveLength(1)
  })

  it('batches restored as failed or done, never run in this session, are not reported', () => {
    const tracker = createBatchTracker()
    expect(tracker.observe(update([snapshot('1', 'old', 'failed')]))).toEqual([])
  })
})

describe('batch notice', () => {
  const base = { batchId: 'b', kind: 'upload' as const, bucket: 'photos', firstName: 'cat.jpg' }
  it('names a single file, counts several, and says what failed', () => {
    expect(describeBatch({ ...base, done: 1, failed: 0, cancelled: 0 })).toEqual({
      title: 'Upload finished',
      body: 'cat.jpg uploaded to photos.',
    })
    expect(
      describeBatch({ ...base, kind: 'download', done: 32, failed: 0, cancelled: 1 })?.body,
    ).toBe('32 items downloaded from photos.')
    expect(describeBatch({ ...base, done: 30, failed: 2, cancelled: 0 })).toEqual({
      title: 'Upload finished with errors',
      body: '30 of 32 uploaded to photos; 2 failed. See the transfers panel.',
    })
    expect(describeBatch({ ...base, done: 0, failed: 0, cancelled: 3 })).toBeNull()
  })
})

describe('taskbar progress', () => {
  it('follows the bytes while anything runs, shows paused and failed, and goes away when idle', () => {
    const running = totalsOf([snapshot('1', 'b', 'running'), snapshot('2', 'b', 'done')])
    expect(taskbarProgress(running)).toEqual({ fraction: 0.7, mode: 'normal' })
    expect(taskbarProgress(totalsOf([snapshot('1', 'b', 'paused')])).mode).toBe('paused')
    expect(taskbarProgress(totalsOf([snapshot('1', 'b', 'failed')])).mode).toBe('error')
    expect(taskbarProgress(totalsOf([snapshot('1', 'b', 'done')]))).toEqual({
      fraction: -1,
      mode: 'none',
    })
    const unknown = totalsOf([{ ...snapshot('1', 'b', 'queued'), bytesTotal: null, bytesDone: 0 }])
    expect(taskbarProgress(unknown).mode).toBe('indeterminate')
  })
})
