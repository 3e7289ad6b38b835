/**
 * Our own multipart part manager (lib-storage cannot resume a known upload id): parts read from
 * disk as ranges into slot buffers, Content-MD5 on each, every acknowledged part durable in the
 * journal before its slot takes the next part, only missing parts sent on resume, and the final
 * ETag checked.
 */
import { open } from 'node:fs/promises'
import { CodedError } from '../../../shared/errors'
import type { Connection } from '../accounts'
import { toAppError } from '../error-mapper'
import { checkUnchanged, md5OfFile, readExactly, type FileIdentity } from './file-source'
import type { Journal, UploadRecord } from './journal'
import {
  bareEtag,
  isMultipartEtag,
  isPlainMd5,
  multipartEtag,
  partCount,
  partRange,
  validPartSize,
} from './part-plan'
import type { PartSlots } from './part-slots'
import {
  abortUpload,
  completedAs,
  completeUpload,
  createUpload,
  isNoSuchUpload,
  uploadPart,
  type StepOptions,
} from './s3-steps'
import type { TaskContext } from './transfer-queue'
import type { MultipartStart } from './upload-metadata'
import { withRequestSignal } from '../request-signal'

export type MultipartDeps = {
  /**
   * The object's user metadata and its parts' MD5s, asked for only when a new upload is created
   * (the whole file's MD5 takes a read of the file: a continued upload has its metadata already,
   * and hashes the parts it still sends as it sends them).
   */
  readonly start?: (partSize: number) => Promise<MultipartStart>
  readonly connection: Connection
  readonly journal: Journal
  readonly slots: PartSlots
  readonly step: StepOptions
  readonly context: TaskContext
}

/**
 * The record to continue from: the journal's, unless the file changed or the record's part size
 * would be refused (then a fresh one).
 */
export const startOrContinue = async (
  deps: MultipartDeps,
  fresh: Omit<UploadRecord, 'uploadId' | 'parts'>,
  previous: UploadRecord | undefined,
): Promise<{ record: UploadRecord; partMd5s: readonly string[] }> => {
  const sameFile = previous?.size === fresh.size && previous.mtimeMs === fresh.mtimeMs
  if (previous && sameFile && validPartSize(previous.size, previous.partSize)) {
    return { record: previous, partMd5s: [] }
  }
  if (previous) {
    // The parts sent belong to another version of the file (never mix them into this one), or
    // are of a size the server would refuse at completion (EntityTooSmall).
    await abortUpload(deps.connection, previous, deps.step)
    deps.journal.remove(previous.id)
    deps.context.note(
      sameFile
        ? 'The earlier upload was recorded with a part size the server would refuse, so it was aborted and a new one started from the beginning.'
        : 'The file changed since this upload started, so the earlier upload was aborted and a new one started from the beginning.',
    )
  }
  const start = deps.start ? await deps.start(fresh.partSize) : undefined
  const metadata = start?.metadata
  const uploadId = await createUpload(deps.connection, { ...fresh, metadata }, deps.step)
  const record: UploadRecord = { ...fresh, uploadId, parts: [] }
  deps.journal.put(record)
  // The upload id is on disk before any part is sent, so a crash can still abort it.
  await deps.journal.save()
  return { record, partMd5s: start?.partMd5s ?? [] }
}

/**
 * Sends every part the record lacks, parts in flight bounded by the shared slots; `partMd5s`
 * (hex, part 1 first) spares hashing the parts again, when the upload was just started.
 */
const sendMissingParts = async (
  deps: MultipartDeps,
  start: UploadRecord,
  identity: FileIdentity,
  partMd5s: readonly string[],
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
        // A signal of its own: parts in flight would pile listeners on the upload's.
        const part = await withRequestSignal(signal, (own) =>
          uploadPart(
            deps.connection,
            record,
            number,
            buffer,
            { ...deps.step, signal: own, progress: deps.context.progress },
            partMd5s[number - 1],
          ),
        )
        record = { ...record, parts: [...record.parts, part] }
        // On disk before the slot goes to the next part: a crash from here on never sends this
        // part again (only those in flight are lost).
        await deps.journal.addPart(record, part)
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

/**
 * Sends the last part again, the same bytes (harmless: it replaces itself): the cheapest way to
 * ask whether the server still has the upload, as DSS has no ListParts. Throws NoSuchUpload if not.
 */
const resendLastPart = async (deps: MultipartDeps, record: UploadRecord): Promise<void> => {
  const number = partCount(record.size, record.partSize)
  const { start, length } = partRange(number, record.partSize, record.size)
  const { buffer, release } = await deps.slots.acquire(length, deps.context.signal)
  try {
    const handle = await open(record.path, 'r')
    try {
      await readExactly(handle, buffer, start, record.name)
    } finally {
      await handle.close()
    }
    await uploadPart(deps.connection, record, number, buffer, deps.step)
  } finally {
    release()
  }
}

/**
 * Completes the upload. RGW answers the completion of an upload it no longer has with 500
 * InternalError where S3 says NoSuchUpload: when completing keeps failing so, one part sent again
 * tells which it is, and a forgotten upload then ends in NoSuchUpload like anywhere else.
 */
const complete = async (deps: MultipartDeps, record: UploadRecord): Promise<string> => {
  try {
    return await completeUpload(deps.connection, record, deps.step)
  } catch (error) {
    if (isNoSuchUpload(error) || toAppError(error).code !== 'SERVER_ERROR') throw error
    try {
      await resendLastPart(deps, record)
    } catch (probe) {
      if (!isNoSuchUpload(probe)) throw error
      const etag = await completedAs(deps.connection, record, deps.step)
      if (etag === null) throw probe
      return etag
    }
    throw error
  }
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
    const started = await startOrContinue(deps, fresh, deps.journal.get(fresh.id, 'upload'))
    let record = started.record
    deps.context.setDone(
      record.parts.reduce(
        (sum, part) => sum + partRange(part.number, record.partSize, record.size).length,
        0,
      ),
    )
    try {
      record = await sendMissingParts(deps, record, identity, started.partMd5s)
      await checkUnchanged(record.path, record.name, identity)
      const etag = await complete(deps, record)
      deps.journal.remove(record.id)
      void deps.journal.save().catch(() => undefined)
      await verifyEtag(record, etag, deps.context.signal)
      return
    } catch (error) {
      // The server forgot the upload (expired, or aborted elsewhere): its parts are gone with it,
      // so start over from part 1, once.
      if (!isNoSuchUpload(error) || restarts > 0) throw error
      deps.journal.remove(record.id)
      deps.context.note(
        'The server no longer had the earlier upload (it was cancelled elsewhere or expired), so the file was sent again from the beginning.',
      )
    }
  }
}
