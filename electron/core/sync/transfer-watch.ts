/**
 * Follows the transfers a sync run queued (by batch) through the transfer service's
 * `transfers.updated` events, so the run knows each file's outcome and its progress.
 */
import type { TransferSnapshot } from '../../../shared/transfers'
import type { EventBus } from '../event-bus'

const FINISHED = new Set(['done', 'failed', 'cancelled'])

export type TransferWatch = {
  /** Snapshots known before watching started (transfers restored from the journal). */
  seed(snapshots: readonly TransferSnapshot[]): void
  /** Leaves a transfer out (one of a restored batch that was dropped). */
  ignore(id: string): void
  /** Counts `expected` transfers in the batch (what the service said it created). */
  expect(batchId: string, expected: number): void
  snapshots(): TransferSnapshot[]
  /** Resolves when every expected transfer has finished (done, failed or cancelled). */
  settled(signal: AbortSignal): Promise<void>
  onChange(listener: () => void): void
  close(): void
}

export const createTransferWatch = (events: EventBus): TransferWatch => {
  const byId = new Map<string, TransferSnapshot>()
  const expected = new Map<string, number>()
  const ignored = new Set<string>()
  const listeners: (() => void)[] = []
  let wake: (() => void) | null = null
  const notify = () => {
    for (const listener of listeners) listener()
    wake?.()
  }
  const off = events.on('transfers.updated', (update) => {
    // Every snapshot is kept: a batch's first ones may arrive before its id is known here.
    for (const snapshot of update.changed) byId.set(snapshot.id, snapshot)
    notify()
  })
  const mine = () =>
    [...byId.values()].filter(
      (snapshot) => expected.has(snapshot.batchId) && !ignored.has(snapshot.id),
    )
  const allSettled = (): boolean => {
    const all = mine()
    for (const [batchId, count] of expected) {
      const finished = all.filter(
        (snapshot) => snapshot.batchId === batchId && FINISHED.has(snapshot.state),
      ).length
      if (finished < count) return false
    }
    return true
  }
  return {
    seed(snapshots) {
      for (const snapshot of snapshots) byId.set(snapshot.id, snapshot)
    },
    ignore(id) {
      ignored.add(id)
    },
    expect(batchId, count) {
      expected.set(batchId, (expected.get(batchId) ?? 0) + count)
    },
    snapshots: mine,
    async settled(signal) {
      while (!allSettled()) {
        signal.throwIfAborted()
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer)
            signal.removeEventListener('abort', done)
            wake = null
            resolve()
          }
          wake = done
          // The queue sends at most five updates a second: look again at that pace anyway.
          const timer = setTimeout(done, 500)
          signal.addEventListener('abort', done, { once: true })
        })
      }
    },
    onChange(listener) {
      listeners.push(listener)
    },
    close: off,
  }
}
