/** On start, every journal record becomes a paused transfer the user can resume or cancel. */
import path from 'node:path'
import { createDownloadTask, type DownloadDeps } from './download-task'
import type { JournalRecord } from './journal'
import { sizeOnDisk } from './part-file'
import { partRange } from './part-plan'
import { arrivedBytes } from './ranged-download'
import { enqueue } from './queued-transfer'
import type { TransferQueue } from './transfer-queue'
import { createUploadTask } from './upload-task'

export const restoreRecord = async (
  record: JournalRecord,
  queue: TransferQueue,
  deps: DownloadDeps,
): Promise<void> => {
  const common = {
    id: record.id,
    batchId: record.batchId,
    accountId: record.accountId,
    bucket: record.bucket,
    key: record.key,
    state: 'paused' as const,
  }
  if (record.kind === 'queued') {
    if (record.work.type === 'download-file') deps.paths.claim(record.work.localPath)
    enqueue(queue, deps, record, true)
    return
  }
  if (record.kind === 'upload') {
    const arrived = record.parts.reduce(
      (sum, part) => sum + partRange(part.number, record.partSize, record.size).length,
      0,
    )
    queue.add({
      ...common,
      kind: 'upload',
      name: record.name,
      localPath: record.stagedId ? null : record.path,
      bytesTotal: record.size,
      bytesDone: arrived,
      note: `Interrupted: ${record.parts.length} parts had arrived. Resume to send the rest.`,
      task: createUploadTask(record, deps),
    })
    return
  }
  // A ranged download's `.part` has its full length from the start: count its finished ranges.
  const arrived = record.chunkSize
    ? arrivedBytes(record)
    : await sizeOnDisk(`${record.localPath}.part`)
  const name = path.basename(record.localPath)
  deps.paths.claim(record.localPath)
  queue.add({
    ...common,
    kind: 'download',
    name,
    localPath: record.localPath,
    bytesTotal: record.size,
    bytesDone: Math.min(arrived, record.size),
    note: 'Interrupted. Resume to continue from what arrived.',
    task: createDownloadTask({ ...record, name }, deps),
  })
}
