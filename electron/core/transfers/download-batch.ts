/**
 * `transfers.download`: objects and whole folders (walked through listings, a page at a time)
 * queued one transfer per object, each given a safe local path; a file already there is kept
 * beside ("name (1)"), skipped, or replaced once the download is complete, as the user chose.
 */
import { randomUUID } from 'node:crypto'
import { lstat, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { CodedError } from '../../../shared/errors'
import type { LocalClashPolicy } from '../../../shared/name-clash'
import { isFolderKey, keyProblem } from '../../../shared/s3-keys'
import type { TransferBatch } from '../../../shared/transfers'
import { walkSelection } from '../jobs/selection-walk'
import { s3Call } from '../s3-call'
import type { DownloadDeps } from './download-task'
import { localError } from './file-source'
import { localSegments } from './local-path'
import { enqueue } from './queued-transfer'
import type { TransferQueue } from './transfer-queue'

export type DownloadRequest = {
  readonly accountId: string
  readonly bucket: string
  readonly keys: readonly string[]
  readonly prefixes: readonly string[]
  readonly destination: string | null
  readonly conflict: LocalClashPolicy
  /**
   * A sync's plan (with 'overwrite'): per key, the local file it saw. Only that file is replaced;
   * one changed since is kept and the download saved beside it.
   */
  readonly seen?: ReadonlyMap<string, { readonly size: number; readonly mtimeMs: number }>
}

/** A file where the key's local name would be (a folder there is not a clash). */
const fileThere = (destination: string, relative: string): Promise<boolean> =>
  lstat(path.join(destination, ...localSegments(relative))).then(
    (info) => !info.isDirectory(),
    () => false,
  )

export const queueDownloads = async (
  request: DownloadRequest,
  downloadsDir: string,
  queue: TransferQueue,
  deps: DownloadDeps,
): Promise<TransferBatch> => {
  const { accountId, bucket } = request
  for (const key of request.keys) {
    const problem = keyProblem(key)
    if (problem) throw new CodedError('INVALID_KEY', problem)
  }
  if (request.destination !== null && !path.isAbsolute(request.destination)) {
    throw new CodedError('INVALID_REQUEST', 'The download folder must be an absolute path.')
  }
  const destination = path.resolve(request.destination ?? downloadsDir)
  await mkdir(destination, { recursive: true }).catch((error: unknown) => {
    throw localError(error, `create the folder ${destination}`)
  })
  const connection = await deps.connection(accountId)
  const batchId = randomUUID()
  let created = 0
  const skipped: string[] = []
  const selection = { bucket, keys: request.keys, prefixes: request.prefixes }
  await s3Call(connection, { bucket }, async () => {
    for await (const page of walkSelection(connection, selection)) {
      for (const object of page) {
        // Kept relative to what was picked: picking "photos/" gives "photos/…" locally.
        const relative = object.key.slice(object.base.length)
        const common = {
          kind: 'queued' as const,
          id: randomUUID(),
          batchId,
          accountId,
          bucket,
          key: object.key,
        }
        if (isFolderKey(object.key)) {
          const localPath = await deps.paths.folder(destination, relative)
          enqueue(queue, deps, {
            ...common,
            name: `${path.basename(localPath)}/`,
            localPath,
            bytesTotal: 0,
            work: { type: 'download-folder', localPath },
          })
        } else if (request.conflict === 'skip' && (await fileThere(destination, relative))) {
          skipped.push(object.key)
          continue
        } else {
          const replace = request.conflict === 'overwrite'
          const localPath = replace
            ? await deps.paths.replacing(destination, relative)
            : await deps.paths.file(destination, relative)
          enqueue(queue, deps, {
            ...common,
            name: path.basename(localPath),
            localPath,
            bytesTotal: object.size,
            work: {
              type: 'download-file',
              localPath,
              size: object.size,
              ...(replace ? { replace: request.seen?.get(object.key) ?? ('any' as const) } : {}),
            },
          })
        }
        created += 1
      }
    }
  })
  return { batchId, created, skipped }
}
