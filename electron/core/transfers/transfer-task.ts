/** What the queue runs: a task per transfer, and what it may tell the queue while it runs. */
import type { TransferSnapshot } from '../../../shared/transfers'

export type TaskContext = {
  readonly signal: AbortSignal
  /** Bytes that arrived (or were written) since the last call. */
  progress(bytes: number): void
  /** Sets the count outright (a resume starts from what is already there). */
  setDone(bytes: number): void
  setTotal(bytes: number): void
  note(text: string | null): void
}

export type TransferTask = {
  run(context: TaskContext): Promise<void>
  /** Gives up what the job holds on the server and on disk (cancel, or clearing a failure). */
  discard(): Promise<void>
  /** Called when the job is removed from the list, whatever its state. */
  forget?(): void
}

/** A new transfer: what its snapshot starts with, and the task that does it. */
export type JobInit = Pick<
  TransferSnapshot,
  'batchId' | 'accountId' | 'kind' | 'bucket' | 'key' | 'name' | 'localPath' | 'bytesTotal'
> & {
  readonly id?: string
  readonly bytesDone?: number
  readonly state?: 'queued' | 'paused'
  readonly note?: string | null
  readonly task: TransferTask
}
