/**
 * What the desktop shell shows outside the window: the overall progress for the taskbar or dock,
 * and one notice when a batch (one upload or download command) has finished. Pure logic over the
 * `transfers.updated` events, so it is tested here; electron/shell only draws it.
 */
import type {
  TransferKind,
  TransferState,
  TransferTotals,
  TransfersUpdate,
} from '../../../shared/transfers'

export type TaskbarProgress = {
  /** 0..1; -1 removes the bar. */
  readonly fraction: number
  readonly mode: 'none' | 'normal' | 'indeterminate' | 'paused' | 'error'
}

export const taskbarProgress = (totals: TransferTotals): TaskbarProgress => {
  const { counts } = totals
  const fraction =
    totals.bytesTotal > 0 ? Math.min(1, Math.max(0, totals.bytesDone / totals.bytesTotal)) : 0
  if (counts.queued + counts.running > 0) {
    return totals.bytesTotal > 0
      ? { fraction, mode: 'normal' }
      : { fraction: 0, mode: 'indeterminate' }
  }
  if (counts.paused > 0) return { fraction, mode: 'paused' }
  if (counts.failed > 0) return { fraction: 1, mode: 'error' }
  return { fraction: -1, mode: 'none' }
}

export type FinishedBatch = {
  readonly batchId: string
  readonly kind: TransferKind
  readonly bucket: string
  readonly done: number
  readonly failed: number
  readonly cancelled: number
  /** A name to show when the batch was one file. */
  readonly firstName: string
}

type Seen = {
  readonly batchId: string
  readonly kind: TransferKind
  readonly bucket: string
  readonly name: string
  state: TransferState
}

const ACTIVE: ReadonlySet<TransferState> = new Set(['queued', 'running'])
const FINAL: ReadonlySet<TransferState> = new Set(['done', 'failed', 'cancelled'])

export type BatchTracker = {
  /** The batches this update finished: every transfer final, after some ran in this session. */
  observe(update: TransfersUpdate): FinishedBatch[]
}

export const createBatchTracker = (): BatchTracker => {
  const transfers = new Map<string, Seen>()
  /** Batches with a transfer that was queued or running since the app started. */
  const active = new Set<string>()

  return {
    observe(update) {
      const touched = new Set<string>()
      for (const snapshot of update.changed) {
        const seen = transfers.get(snapshot.id)
        if (seen) seen.state = snapshot.state
        else {
          transfers.set(snapshot.id, {
            batchId: snapshot.batchId,
            kind: snapshot.kind,
            bucket: snapshot.bucket,
            name: snapshot.name,
            state: snapshot.state,
          })
        }
        if (ACTIVE.has(snapshot.state)) active.add(snapshot.batchId)
        touched.add(snapshot.batchId)
      }
      for (const id of update.removed) transfers.delete(id)

      const finished: FinishedBatch[] = []
      for (const batchId of touched) {
        if (!active.has(batchId)) continue
        const members = [...transfers.values()].filter((seen) => seen.batchId === batchId)
        if (members.length === 0 || !members.every((seen) => FINAL.has(seen.state))) continue
        active.delete(batchId)
        const count = (state: TransferState) =>
          members.filter((seen) => seen.state === state).length
        const first = members[0] as Seen
        finished.push({
          batchId,
          kind: first.kind,
          bucket: first.bucket,
          done: count('done'),
          failed: count('failed'),
          cancelled: count('cancelled'),
          firstName: first.name,
        })
      }
      return finished
    },
  }
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

/** The notice's title and body. Nothing when everything was cancelled (the user knows). */
export const describeBatch = (batch: FinishedBatch): { title: string; body: string } | null => {
  const total = batch.done + batch.failed
  if (total === 0) return null
  const verb = batch.kind === 'upload' ? 'uploaded' : 'downloaded'
  const where = batch.kind === 'upload' ? `to ${batch.bucket}` : `from ${batch.bucket}`
  if (batch.failed === 0) {
    return {
      title: batch.kind === 'upload' ? 'Upload finished' : 'Download finished',
      body:
        batch.done === 1
          ? `${batch.firstName} ${verb} ${where}.`
          : `${plural(batch.done, 'item')} ${verb} ${where}.`,
    }
  }
  return {
    title:
      batch.kind === 'upload' ? 'Upload finished with errors' : 'Download finished with errors',
    body: `${batch.done} of ${total} ${verb} ${where}; ${batch.failed} failed. See the transfers panel.`,
  }
}
