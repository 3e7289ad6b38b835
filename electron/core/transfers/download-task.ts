/**
 * One object's download as a queue task. Bytes go to `name.part`, which becomes `name` only when
 * complete and verified (size, and MD5 for single-part ETags). A retry or resume continues from the
 * `.part` length with Range and If-Match; if the object changed meanwhile it starts from zero.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { CodedError } from '../../../shared/errors'
import type { TransferRef } from '../../../shared/transfers'
import type { Connection } from '../accounts'
import { localError } from './file-source'
import type { DownloadRecord, LocalReplace } from './journal'
import {
  createPartFile,
  drainInto,
  exists,
  hashExisting,
  publish,
  sizeOnDisk,
  startOver,
  type PartFile,
  type PartState,
} from './part-file'
import { bareEtag, isPlainMd5 } from './part-plan'
import type { PathAllocator } from './path-allocator'
import {
  downloadRanged,
  NotRanged,
  ObjectChanged,
  PROGRESS_RESETS_RETRIES,
  RANGED_MIN_BYTES,
} from './ranged-download'
import { withRetry } from './retry'
import type { TaskContext, TransferTask } from './transfer-queue'
import { asCoded, type TransferDeps } from './upload-task'

export type DownloadDeps = TransferDeps & { readonly paths: PathAllocator }

export type DownloadSpec = TransferRef & {
  readonly name: string
  readonly localPath: string
  /** From the listing; large objects are fetched in parallel ranges. */
  readonly size?: number | null
  /** What the finished download may replace at `localPath` (absent: nothing, keep both). */
  readonly replace?: LocalReplace
}

/** A ranged download whose object keeps changing under it gives up after this many restarts. */
const MAX_RESTARTS = 3
const CHANGED_NOTE = 'The object changed since the download started, so it started over.'

const statusOf = (error: unknown): number =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0

/** Total size from "bytes 100-199/200". */
const totalFromRange = (contentRange: string | undefined): number | null => {
  const total = /\/(\d+)\s*$/.exec(contentRange ?? '')?.[1]
  return total === undefined ? null : Number(total)
}

export const createDownloadTask = (spec: DownloadSpec, deps: DownloadDeps): TransferTask => {
  const partPath = `${spec.localPath}.part`
  const diskError = (error: unknown): CodedError => {
    const coded = localError(error, `write "${partPath}"`)
    return coded.code === 'DISK_FULL'
      ? new CodedError(
          'DISK_FULL',
          `The disk is full: "${spec.name}" could not be written to ${path.dirname(spec.localPath)}. What arrived is kept in ${path.basename(partPath)}; free some space and retry to continue.`,
        )
      : coded
  }

  /** What every journal record of this download holds besides what the server said. */
  const base = {
    kind: 'download',
    id: spec.id,
    batchId: spec.batchId,
    accountId: spec.accountId,
    bucket: spec.bucket,
    key: spec.key,
    localPath: spec.localPath,
  } as const
  const saveRecord = (record: DownloadRecord): void => {
    deps.journal.put(record)
    void deps.journal.save().catch(() => undefined)
  }

  /** One GET: the rest of the object when the `.part` holds the start of the same version. */
  const attempt = async (
    connection: Connection,
    part: PartFile,
    state: PartState,
    context: TaskContext,
  ): Promise<void> => {
    const resumeFrom = state.record && state.position > 0 ? state.record : null
    if (resumeFrom && state.position === resumeFrom.size) return
    let answer
    try {
      answer = await connection.client.send(
        new GetObjectCommand({
          Bucket: spec.bucket,
          Key: spec.key,
          Range: resumeFrom ? `bytes=${state.position}-` : undefined,
          IfMatch: resumeFrom ? resumeFrom.etag : undefined,
        }),
        { abortSignal: context.signal },
      )
    } catch (error) {
      if (resumeFrom && (statusOf(error) === 412 || statusOf(error) === 416)) {
        // Another version now (If-Match failed), or one shorter than our partial file.
        await startOver(part, state)
        context.setDone(0)
        context.note(CHANGED_NOTE)
        return attempt(connection, part, state, context)
      }
      throw error
    }
    const body = answer.Body as Readable | undefined
    const etag = answer.ETag ?? ''
    if (resumeFrom && bareEtag(etag) !== bareEtag(resumeFrom.etag)) {
      // The server ignored If-Match (some do): these bytes belong to another version.
      body?.destroy()
      await startOver(part, state)
      context.setDone(0)
      context.note(CHANGED_NOTE)
      return attempt(connection, part, state, context)
    }
    if (resumeFrom && !answer.ContentRange) {
      // Range ignored: the whole object came back, so write it from the start.
      await startOver(part, state)
      context.setDone(0)
    }
    const size = totalFromRange(answer.ContentRange) ?? state.position + (answer.ContentLength ?? 0)
    const record: DownloadRecord = { ...base, etag, size }
    state.record = record
    saveRecord(record)
    context.setTotal(size)
    await part.touch()
    if (body) await drainInto(body, part, state, context)
    if (state.position < size) {
      throw new CodedError(
        'CONNECTION_RESET',
        `The download of "${spec.key}" ended after ${state.position} of ${size} bytes.`,
      )
    }
  }

  const verify = (state: PartState): void => {
    const record = state.record
    if (!record) return
    if (state.position !== record.size) {
      throw new CodedError(
        'CHECKSUM_MISMATCH',
        `"${spec.key}" arrived with ${state.position} bytes, not the ${record.size} the server announced.`,
      )
    }
    const expected = bareEtag(record.etag)
    if (isPlainMd5(expected) && state.hash.copy().digest('hex') !== expected) {
      throw new CodedError(
        'CHECKSUM_MISMATCH',
        `"${spec.key}" arrived damaged: its MD5 does not match the object's ETag. The partial file was discarded; retry to download it again.`,
      )
    }
  }

  /** Front to back in one stream, continued from the `.part` length after a failure. */
  const runSequential = async (
    connection: Connection,
    record: DownloadRecord | null,
    context: TaskContext,
  ): Promise<void> => {
    // Bytes on disk count only when we know which version of the object they came from.
    const onDisk = record ? await sizeOnDisk(partPath) : 0
    const position = record && onDisk <= record.size ? onDisk : 0
    const state: PartState = {
      position,
      hash: await hashExisting(partPath, position, context.signal),
      record: position > 0 ? record : null,
    }
    if (record) context.setTotal(record.size)
    context.setDone(position)
    const part = createPartFile(partPath, position > 0, diskError)
    try {
      if (position > 0) await part.truncate(position)
      let before = position
      await withRetry(
        async () => {
          before = state.position
          await attempt(connection, part, state, context)
        },
        {
          policy: deps.retry,
          signal: context.signal,
          progressed: () => state.position - before >= PROGRESS_RESETS_RETRIES,
        },
      )
      try {
        verify(state)
      } catch (error) {
        // Damaged bytes are worth nothing: the next try starts from zero.
        await startOver(part, state)
        deps.journal.remove(spec.id)
        throw error
      }
    } finally {
      await part.close()
    }
  }

  /** In parallel ranges; finished ranges are kept across pauses, failures and restarts. */
  const runRanged = async (
    connection: Connection,
    record: DownloadRecord | null,
    context: TaskContext,
  ): Promise<void> => {
    let resume = record?.chunkSize && (await exists(partPath)) ? record : null
    const part = createPartFile(partPath, resume !== null, diskError)
    try {
      for (let restarts = 0; ; restarts += 1) {
        try {
          const done = await downloadRanged(
            {
              connection,
              bucket: spec.bucket,
              key: spec.key,
              part,
              context,
              chunkSetting: deps.settings().partSize,
              resume,
              base,
            },
            { slots: deps.slots, retry: deps.retry, record: saveRecord },
          )
          const written = await sizeOnDisk(partPath)
          if (written !== done.size) {
            throw new CodedError(
              'CHECKSUM_MISMATCH',
              `"${spec.key}" arrived with ${written} bytes, not the ${done.size} the server announced.`,
            )
          }
          return
        } catch (error) {
          const changed = error instanceof ObjectChanged
          if (!changed && !(error instanceof CodedError && error.code === 'CHECKSUM_MISMATCH')) {
            throw error
          }
          // Another version, or damaged bytes: what is on disk is worth nothing.
          await part.truncate(0)
          deps.journal.remove(spec.id)
          resume = null
          context.setDone(0)
          if (!changed || restarts + 1 >= MAX_RESTARTS) {
            throw changed
              ? new CodedError(
                  'FILE_CHANGED',
                  `"${spec.key}" kept changing on the server while it downloaded; try again later.`,
                )
              : error
          }
          context.note(CHANGED_NOTE)
        }
      }
    } finally {
      await part.close()
    }
  }

  return {
    async run(context) {
      let connection: Connection | null = null
      try {
        connection = await deps.connection(spec.accountId)
        await mkdir(path.dirname(spec.localPath), { recursive: true }).catch((error: unknown) => {
          throw localError(error, `create the folder ${path.dirname(spec.localPath)}`)
        })
        const record = deps.journal.get(spec.id, 'download') ?? null
        const ranged = record
          ? record.chunkSize !== undefined
          : spec.size === undefined || spec.size === null || spec.size >= RANGED_MIN_BYTES
        if (ranged) {
          await runRanged(connection, record, context).catch(async (error: unknown) => {
            // Thrown before the ranged path wrote a record of its own: nothing to clear.
            if (!(error instanceof NotRanged)) throw error
            await runSequential(connection as Connection, null, context)
          })
        } else {
          await runSequential(connection, record, context)
        }
        const saved = await publish(partPath, spec.localPath, spec.replace)
        // Published: the file on disk now holds the name, so the claim can go (a later download
        // choosing to replace it gets this very path, not "name (1)").
        deps.paths.release(spec.localPath)
        if (saved !== spec.localPath) {
          context.note(
            spec.replace
              ? `${path.basename(spec.localPath)} was not replaced: it changed on this computer meanwhile, so it was kept. Saved as ${path.basename(saved)}.`
              : `Saved as ${path.basename(saved)}.`,
          )
        }
        deps.journal.remove(spec.id)
        void deps.journal.save().catch(() => undefined)
      } catch (error) {
        if (context.signal.aborted) throw error
        throw asCoded(error, connection, spec.key)
      }
    },
    async discard() {
      await rm(partPath, { force: true })
      deps.journal.remove(spec.id)
      await deps.journal.save()
      deps.paths.release(spec.localPath)
    },
    forget() {
      deps.paths.release(spec.localPath)
    },
  }
}

/** A folder marker ('photos/empty/'): the folder is made, nothing is downloaded. */
export const createFolderTask = (localPath: string): TransferTask => ({
  async run() {
    await mkdir(localPath, { recursive: true }).catch((error: unknown) => {
      throw localError(error, `create the folder ${localPath}`)
    })
  },
  async discard() {},
})
