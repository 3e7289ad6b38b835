/**
 * Every transfer enters the queue through here, as a journal record first: a batch of 10,000
 * files that was still waiting when the app quit (or crashed) is queued again, paused, on the
 * next start. The record says what to do; `taskFor` turns it into the task that does it.
 */
import { s3Call } from '../s3-call'
import { createDownloadTask, createFolderTask, type DownloadDeps } from './download-task'
import type { QueuedRecord } from './journal'
import { putObject } from './s3-steps'
import type { TransferQueue, TransferTask } from './transfer-queue'
import { createUploadTask } from './upload-task'

/** An empty folder: a zero-byte `name/` object. */
const folderMarkerTask = (record: QueuedRecord, deps: DownloadDeps): TransferTask => ({
  async run(context) {
    const connection = await deps.connection(record.accountId)
    const { bucket, key } = record
    await s3Call(connection, { bucket, key }, () =>
      putObject(
        connection,
        { bucket, key, contentType: 'application/x-directory' },
        Buffer.alloc(0),
        { policy: deps.retry, signal: context.signal },
      ),
    )
  },
  async discard() {},
})

export const taskFor = (record: QueuedRecord, deps: DownloadDeps): TransferTask => {
  const { id, batchId, accountId, bucket, key, name } = record
  const { work } = record
  switch (work.type) {
    case 'upload-file':
      return createUploadTask(
        { id, batchId, accountId, bucket, key, name, path: work.path, stagedId: work.stagedId },
        deps,
      )
    case 'upload-folder':
      return folderMarkerTask(record, deps)
    case 'download-file':
      return createDownloadTask(
        {
          id,
          batchId,
          accountId,
          bucket,
          key,
          name,
          localPath: work.localPath,
          size: work.size,
          ...(work.replace ? { replace: work.replace } : {}),
        },
        deps,
      )
    case 'download-folder':
      return createFolderTask(work.localPath)
  }
}

/**
 * The task, and the queued record dropped once it is not needed: the transfer finished, was
 * cancelled, or left the list. (Its own upload or download record, if it made one, is the
 * task's business.)
 */
const forgettingRecord = (
  record: QueuedRecord,
  task: TransferTask,
  deps: DownloadDeps,
): TransferTask => {
  const forget = (): void => {
    if (!deps.journal.get(record.id, 'queued')) return
    deps.journal.remove(record.id)
    deps.journal.saveSoon()
  }
  return {
    async run(context) {
      await task.run(context)
      forget()
    },
    async discard() {
      await task.discard()
      forget()
    },
    forget() {
      task.forget?.()
      forget()
    },
  }
}

/** Journals the record (saved within a moment) and queues its task. */
export const enqueue = (
  queue: TransferQueue,
  deps: DownloadDeps,
  record: QueuedRecord,
  restored = false,
): void => {
  deps.journal.put(record)
  deps.journal.saveSoon()
  queue.add({
    id: record.id,
    batchId: record.batchId,
    accountId: record.accountId,
    kind: record.work.type.startsWith('upload') ? 'upload' : 'download',
    bucket: record.bucket,
    key: record.key,
    name: record.name,
    localPath: record.localPath,
    bytesTotal: record.bytesTotal,
    state: restored ? 'paused' : 'queued',
    note: restored ? 'Waiting when the app closed. Resume to start it.' : null,
    task: forgettingRecord(record, taskFor(record, deps), deps),
  })
}
