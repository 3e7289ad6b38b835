/**
 * `transfers.upload`: checks every source, settles name clashes once for the batch, and queues
 * one transfer per file and per empty folder.
 */
import { randomUUID } from 'node:crypto'
import { lstat, stat } from 'node:fs/promises'
import path from 'node:path'
import { CodedError } from '../../../shared/errors'
import { baseName, isFolderKey } from '../../../shared/s3-keys'
import type { ConflictPolicy, FileSource, TransferBatch } from '../../../shared/transfers'
import { s3Call } from '../s3-call'
import { keysAround } from './existing-keys'
import type { DownloadDeps } from './download-task'
import { enqueue } from './queued-transfer'
import type { TransferQueue, TransferTask } from './transfer-queue'
import { planUpload, type RejectedItem } from './upload-plan'
import type { TransferDeps } from './upload-task'

export type UploadRequest = {
  readonly accountId: string
  readonly bucket: string
  readonly prefix: string
  readonly files: readonly { readonly source: FileSource; readonly relativeKey: string }[]
  readonly folders: readonly string[]
  readonly conflict: ConflictPolicy
}

type Source = { readonly path: string; readonly name: string; readonly stagedId: string | null }

/** Where a source's bytes are; a staged file must be there, whole. */
const locate = async (source: FileSource, deps: TransferDeps): Promise<Source> => {
  // Never read: it becomes a failed transfer (upload-plan.ts).
  if (source.kind === 'unreadable') return { path: '', name: source.name, stagedId: null }
  if (source.kind === 'staged') {
    const file = deps.staging.pathOf(source.stagedId)
    const size = await lstat(file).then(
      (info) => info.size,
      () => null,
    )
    if (size !== source.size) {
      throw new CodedError('INVALID_REQUEST', `"${source.name}" was not staged (or not whole).`)
    }
    return { path: file, name: source.name, stagedId: source.stagedId }
  }
  if (!path.isAbsolute(source.path)) {
    throw new CodedError('INVALID_REQUEST', 'Files to upload must be given by absolute path.')
  }
  return { path: source.path, name: path.basename(source.path), stagedId: null }
}

/** A transfer that fails as soon as it runs, with why it cannot be written (not journaled). */
const rejectedTask = (item: RejectedItem): TransferTask => ({
  async run() {
    throw new CodedError(item.code, item.problem)
  },
  async discard() {},
})

export const queueUploads = async (
  request: UploadRequest,
  queue: TransferQueue,
  deps: DownloadDeps,
): Promise<TransferBatch> => {
  const { accountId, bucket } = request
  const connection = await deps.connection(accountId)
  // Every source is checked before anything is sent: a bad one fails the whole batch.
  const sources = new Map<FileSource, Source>()
  for (const file of request.files) sources.set(file.source, await locate(file.source, deps))
  const plan = await s3Call(connection, { bucket }, () =>
    planUpload(request, (keys) => keysAround(connection, bucket, keys)),
  )
  const batchId = randomUUID()
  const common = { kind: 'queued' as const, batchId, accountId, bucket }
  for (const key of plan.folders) {
    enqueue(queue, deps, {
      ...common,
      id: randomUUID(),
      key,
      name: `${baseName(key)}/`,
      localPath: null,
      bytesTotal: 0,
      work: { type: 'upload-folder' },
    })
  }
  for (const file of plan.files) {
    const source = sources.get(file.source) as Source
    const size =
      file.source.kind === 'staged'
        ? file.source.size
        : await stat(source.path).then(
            (info) => info.size,
            () => null,
          )
    enqueue(queue, deps, {
      ...common,
      id: randomUUID(),
      key: file.key,
      name: source.name,
      localPath: source.stagedId ? null : source.path,
      bytesTotal: size,
      work: { type: 'upload-file', path: source.path, stagedId: source.stagedId },
    })
  }
  // A key S3 cannot take fails its own item, with the reason beside it; the rest go on.
  for (const item of plan.rejected) {
    const source = item.source ? (sources.get(item.source) as Source) : null
    queue.add({
      ...common,
      kind: 'upload',
      id: randomUUID(),
      key: item.key,
      name: source?.name ?? `${baseName(item.key)}${isFolderKey(item.key) ? '/' : ''}`,
      localPath: source && !source.stagedId && source.path !== '' ? source.path : null,
      bytesTotal:
        item.source?.kind === 'staged' || item.source?.kind === 'unreadable'
          ? item.source.size
          : null,
      task: rejectedTask(item),
    })
  }
  // Staged files that were skipped or rejected will never be read.
  const planned = new Set(plan.files.map((file) => file.source))
  for (const file of request.files) {
    if (file.source.kind === 'staged' && !planned.has(file.source)) {
      await deps.staging.remove(file.source.stagedId)
    }
  }
  return {
    batchId,
    created: plan.folders.length + plan.files.length + plan.rejected.length,
    skipped: plan.skipped,
  }
}
