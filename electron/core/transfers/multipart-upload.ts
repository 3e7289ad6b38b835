/**
 * Our own multipart part manager (lib-storage cannot resume a known upload id): parts read from
 * disk as ranges into slot buffers, Content-MD5 on each, every finished part recorded in the
 * journal before it counts, only missing parts sent on resume, and the final ETag checked.
 */
import { open } from 'node:fs/promises'
import { CodedError } from '../../../shared/errors'
import type { Connection } from '../accounts'
import { checkUnchanged, md5OfFile, readExactly, type FileIdentity } from './file-source'
import type { Journal, UploadRecord } from './journal'
import {
  bareEtag,
  isMultipartEtag,
  isPlainMd5,
  multipartEtag,
  partCount,
  partRange,
} from './part-plan'
import type { PartSlots } from './part-slots'
import {
  abortUpload,
  completeUpload,
  createUpload,
  isNoSuchUpload,
  uploadPart,
  type StepOptions,
} from './s3-steps'
import type { TaskContext } from './transfer-queue'

export type MultipartDeps = {
  readonly connection: Connection
  readonly journal: Journal
  readonly slots: PartSlots
  readonly step: StepOptions
  readonly context: TaskContext
}

/** The record to continue from: the journal's, unless the file changed (then a fresh one). */
export const startOrContinue = async (
  deps: MultipartDeps,
  fresh: Omit<UploadRecord, 'uploadId' | 'parts'>,
  previous: UploadRecord | undefined,
): Promise<UploadRecord> => {
  if (previous && previous.size === fresh.size && previous.mtimeMs === fresh.mtimeMs) {
    return previous
  }
  if (previous) {
    // The parts sent belong to another version of the file: never mix them into this one.
    await abortUpload(deps.connection, previous, deps.step)
    deps.journal.remove(previous.id)
    deps.context.note(
      'The file changed since this upload started, so the earlier upload was aborted and a new one started from the beginning.',
    )
  }
  const uploadId = await createUpload(deps.connection, fresh, deps.step)
  const record: UploadRecord = { ...fresh, uploadId, parts: [] }
  deps.journal.put(record)
  // The upload id is on disk before any part is sent, so a crash can still abort it.
  await deps.journal.save()
  return record
}

/** Sends every part the record lacks, parts in flight bounded by the shared slots. */
const sendMissingParts = async (
  deps: MultipartDeps,
  start: UploadRecord,
  identity: FileIdentity,
): Promise<UploadRecord> => {
  let record = start
  const have = new Set(record.parts.map((part) => part.number))
  const total = partCount(record.size, record.partSize)
  const missing = Array.from({ length: total }, (_, index) => index + 1).filter(
    (number) => !have.has(number),
  )
  const { signal } = deps.context
  const handle = await open(record.path, 'r')
  let failure: unknown = null
  const inFlight = new Set<Promise<void>>()
  try {
    for (const number of missing) {
      if (failure !== null) break
      const { start: offset, length } = partRange(number, record.partSize, record.size)
      let slot
      try {
        slot = await deps.slots.acquire(length, signal)
      } catch (error) {
        failure ??= error
        break
      }
      if (failure !== null) {
        slot.release()
        break
      }
      const { buffer, release } = slot
      const sending: Promise<void> = (async () => {
        await checkUnchanged(record.path, record.name, identity)
        await readExactly(handle, buffer, offset, record.name)
        const part = await uploadPart(deps.connection, record, number, buffer, {
          ...deps.step,
          progress: deps.context.progress,
        })
        record = { ...record, parts: [...record.parts, part] }
        deps.journal.put(record)
        void deps.journal.save().catch(() => undefined)
      })()
        .catch((error: unknown) => {
          failure ??= error
        })
        .finally(() => {
          release()
          inFlight.delete(sending)
        })
      inFlight.add(sending)
    }
    // Parts already on their way finish (and are recorded) even when another one failed.
    await Promise.all(inFlight)
  } finally {
    await handle.close()
  }
  if (failure !== null) throw failure
  return record
}

const mismatch = (key: string): CodedError =>
  new CodedError(
    'CHECKSUM_MISMATCH',
    `"${key}" was stored, but its ETag does not match the MD5s of the file: the object may be damaged. Upload it again.`,
  )

/** The object's ETag against our MD5s: MD5-of-part-MD5s-N, or (some servers) the file's MD5. */
const verifyEtag = async (record: UploadRecord, etag: string, signal: AbortSignal) => {
  const bare = bareEtag(etag)
  const md5s = [...record.parts].sort((a, b) => a.number - b.number).map((part) => part.md5)
  if (isMultipartEtag(bare)) {
    if (bare !== multipartEtag(md5s)) throw mismatch(record.key)
  } else if (isPlainMd5(bare)) {
    if (bare !== (await md5OfFile(record.path, signal))) throw mismatch(record.key)
  }
}

export const uploadMultipart = async (
  deps: MultipartDeps,
  fresh: Omit<UploadRecord, 'uploadId' | 'parts'>,
  identity: FileIdentity,
): Promise<void> => {
  for (let restarts = 0; ; restarts += 1) {
    let record = await startOrContinue(deps, fresh, deps.journal.get(fresh.id, 'upload'))
    deps.context.setDone(
      record.parts.reduce(
        (sum, part) => sum + partRange(part.number, record.partSize, record.size).length,
        0,
      ),
    )
    try {
      record = await sendMissingParts(deps, record, identity)
      await checkUnchanged(record.path, record.name, identity)
      const etag = await completeUpload(deps.connection, record, deps.step)
      deps.journal.remove(record.id)
      void deps.journal.save().catch(() => undefined)
      await verifyEtag(record, etag, deps.context.signal)
      return
    } catch (error) {
      // The server forgot the upload (expired, or aborted elsewhere): start over, once.
      if (!isNoSuchUpload(error) || restarts > 0) throw error
      deps.journal.remove(record.id)
      deps.context.note('The server no longer had the earlier upload, so it started over.')
    }
  }
}
