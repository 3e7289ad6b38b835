/**
 * A large object fetched as parallel ranged GETs written in place into its `.part` (how awscli and
 * rclone reach full speed: one TLS stream is bound to one core). The first range's answer tells the
 * object's size and ETag; the other ranges ask for that version with If-Match, and any answer with
 * another ETag starts the download over. Finished ranges go to the journal, so a resume after a
 * pause, a failure or a restart fetches only the missing ones. Parallelism is bounded by the part
 * slots uploads use, so "parts in flight" means the same for both directions.
 */
import { createHash, type Hash } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import type { Readable } from 'node:stream'
import { GetObjectCommand, type GetObjectCommandOutput } from '@aws-sdk/client-s3'
import { CodedError } from '../../../shared/errors'
import type { Connection } from '../accounts'
import { withRequestSignal } from '../request-signal'
import type { DownloadRecord } from './journal'
import { drainAt, type PartFile } from './part-file'
import { bareEtag, isPlainMd5, partSizeFor } from './part-plan'
import type { PartSlots } from './part-slots'
import { withRetry, type RetryPolicy } from './retry'
import type { TaskContext } from './transfer-task'

/** Objects at least this large (and known to be) are fetched in ranges. */
export const RANGED_MIN_BYTES = 32 * 1024 * 1024

/** An attempt that wrote this much made real progress: the retry count starts over. */
export const PROGRESS_RESETS_RETRIES = 1024 * 1024

/** Index ranges [first, last] of finished chunks, as the journal keeps them (compact at 10,000). */
export type ChunkRuns = NonNullable<DownloadRecord['chunks']>

export const toRuns = (chunks: ReadonlySet<number>): ChunkRuns => {
  const sorted = [...chunks].sort((a, b) => a - b)
  const runs: [number, number][] = []
  for (const chunk of sorted) {
    const last = runs.at(-1)
    if (last && last[1] === chunk - 1) last[1] = chunk
    else runs.push([chunk, chunk])
  }
  return runs
}

export const fromRuns = (runs: ChunkRuns): Set<number> => {
  const chunks = new Set<number>()
  for (const [first, last] of runs)
    for (let chunk = first; chunk <= last; chunk += 1) chunks.add(chunk)
  return chunks
}

/** Bytes in the finished chunks. */
export const rangedBytes = (runs: ChunkRuns, chunkSize: number, size: number): number =>
  runs.reduce(
    (sum, [first, last]) =>
      sum + Math.max(0, Math.min(size, (last + 1) * chunkSize) - first * chunkSize),
    0,
  )

/** Bytes of a ranged record on disk: its finished chunks and the started parts of others. */
export const arrivedBytes = (record: DownloadRecord): number =>
  rangedBytes(record.chunks ?? [], record.chunkSize ?? 0, record.size) +
  (record.partial ?? []).reduce((sum, [, bytes]) => sum + bytes, 0)

/** The server ignored Range, or refused it for this object (an empty one): fetch it whole. */
export class NotRanged extends Error {}

/** Thrown when an answer belongs to another version of the object: the caller starts over. */
export class ObjectChanged extends Error {}

export type RangedDeps = {
  readonly slots: PartSlots
  readonly retry: RetryPolicy
  /** Saves the record (with its finished chunks) to the journal. */
  readonly record: (record: DownloadRecord) => void
}

export type RangedJob = {
  readonly connection: Connection
  readonly bucket: string
  readonly key: string
  readonly part: PartFile
  readonly context: TaskContext
  /** What the record of this download holds besides the version and chunks. */
  readonly base: Omit<DownloadRecord, 'etag' | 'size' | 'chunkSize' | 'chunks' | 'partial'>
  /** The chunk size to use for a fresh start (the upload part size setting). */
  readonly chunkSetting: number
  /** A ranged record from the journal whose `.part` is still there, or null for a fresh start. */
  readonly resume: DownloadRecord | null
}

const statusOf = (error: unknown): number =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0

const totalFromRange = (contentRange: string | undefined): number | null => {
  const total = /\/(\d+)\s*$/.exec(contentRange ?? '')?.[1]
  return total === undefined ? null : Number(total)
}

const chunkBounds = (
  index: number,
  chunkSize: number,
  size: number,
): { start: number; end: number } => ({
  start: index * chunkSize,
  end: Math.min(size, (index + 1) * chunkSize),
})

/**
 * Hashes the file's bytes in order as the finished prefix grows, reading back what the ranges
 * wrote (from the page cache, moments after the write). Used only for single-part ETags.
 */
const createFrontier = (part: PartFile, chunkSize: number, size: number) => {
  const hash: Hash = createHash('md5')
  const scratch = Buffer.allocUnsafe(1024 * 1024)
  let next = 0
  let work: Promise<void> = Promise.resolve()
  const hashChunk = async (index: number): Promise<void> => {
    const { start, end } = chunkBounds(index, chunkSize, size)
    for (let at = start; at < end;) {
      const length = Math.min(scratch.length, end - at)
      await part.read(scratch, length, at)
      hash.update(scratch.subarray(0, length))
      at += length
    }
  }
  return {
    advance(done: ReadonlySet<number>): Promise<void> {
      work = work.then(async () => {
        while (done.has(next)) {
          await hashChunk(next)
          next += 1
        }
      })
      return work
    },
    digest: async (): Promise<string> => {
      await work
      return hash.digest('hex')
    },
  }
}

/** The most ranges in flight at once (transfers.settings caps partsInFlight there). */
const MAX_PARTS_IN_FLIGHT = 64

/** Downloads every missing chunk; resolves with the finished record, verified. */
export const downloadRanged = async (job: RangedJob, deps: RangedDeps): Promise<DownloadRecord> => {
  const { connection, part, context } = job
  const local = new AbortController()
  const signal = AbortSignal.any([context.signal, local.signal])
  // It holds one listener per range in flight (each range's requests listen on a signal of their
  // own, request-signal.ts), and ranges wait for a slot one at a time: at most partsInFlight.
  setMaxListeners(MAX_PARTS_IN_FLIGHT + 10, signal)

  const get = (
    range: string,
    etag: string | null,
    abortSignal: AbortSignal = signal,
  ): Promise<GetObjectCommandOutput> =>
    connection.client
      .send(
        new GetObjectCommand({
          Bucket: job.bucket,
          Key: job.key,
          Range: range,
          IfMatch: etag ?? undefined,
        }),
        { abortSignal },
      )
      .catch((error: unknown) => {
        // If-Match failed (S3 answers 412), or the object shrank below our range (416).
        if (etag && (statusOf(error) === 412 || statusOf(error) === 416)) throw new ObjectChanged()
        throw error
      })

  // The version: from the journal, or from the first range's answer (whose body is kept for
  // chunk 0, so a fresh start costs no extra request).
  let record: DownloadRecord
  let first: GetObjectCommandOutput | null = null
  const takeFirst = (): GetObjectCommandOutput | null => {
    const answer = first
    first = null
    return answer
  }
  const getFirst = (chunkSize: number): Promise<GetObjectCommandOutput> =>
    withRetry(() => get(`bytes=0-${chunkSize - 1}`, null), { policy: deps.retry, signal })
  if (job.resume?.chunkSize) {
    record = job.resume
  } else {
    first = await getFirst(job.chunkSetting).catch((error: unknown) => {
      throw statusOf(error) === 416 ? new NotRanged() : error
    })
    const size = totalFromRange(first.ContentRange)
    if (size === null) {
      ;(takeFirst()?.Body as Readable | undefined)?.destroy()
      throw new NotRanged()
    }
    // Never more than 10,000 chunks, as with upload parts.
    const chunkSize = partSizeFor(size, job.chunkSetting)
    if (chunkSize !== job.chunkSetting) {
      ;(takeFirst()?.Body as Readable | undefined)?.destroy()
      first = await getFirst(chunkSize)
    }
    record = { ...job.base, etag: first.ETag ?? '', size, chunkSize, chunks: [] }
    deps.record(record)
  }
  const { size, etag } = record
  const chunkSize = record.chunkSize as number
  const count = Math.max(1, Math.ceil(size / chunkSize))
  const done = fromRuns(record.chunks ?? [])
  /** Chunks started and not finished: bytes written from their start. */
  const started = new Map<number, number>(record.partial ?? [])
  const expectedMd5 = isPlainMd5(bareEtag(etag)) ? bareEtag(etag) : null
  const frontier = expectedMd5 ? createFrontier(part, chunkSize, size) : null

  context.setTotal(size)
  context.setDone(arrivedBytes(record))
  if (frontier) void frontier.advance(done).catch(() => undefined)

  const fetchChunk = async (index: number, own: AbortSignal): Promise<void> => {
    const { start, end } = chunkBounds(index, chunkSize, size)
    let written = started.get(index) ?? 0
    let before = written
    await withRetry(
      async () => {
        before = written
        const answer =
          (index === 0 ? takeFirst() : null) ??
          (await get(`bytes=${start + written}-${end - 1}`, etag, own))
        if (bareEtag(answer.ETag) !== bareEtag(etag)) {
          // Some servers ignore If-Match: an answer from another version is not ours to keep.
          ;(answer.Body as Readable | undefined)?.destroy()
          throw new ObjectChanged()
        }
        await drainAt(answer.Body as Readable, part, start + written, {
          signal: own,
          limit: end - start - written,
          progress: (bytes) => {
            written += bytes
            started.set(index, written)
            context.progress(bytes)
          },
        })
        if (start + written < end) {
          throw new CodedError(
            'CONNECTION_RESET',
            `A range of "${job.key}" ended after ${written} of ${end - start} bytes.`,
          )
        }
      },
      {
        policy: deps.retry,
        signal: own,
        progressed: () => written - before >= PROGRESS_RESETS_RETRIES,
      },
    )
    done.add(index)
    started.delete(index)
    record = { ...record, chunks: toRuns(done), partial: [] }
    deps.record(record)
    if (frontier) await frontier.advance(done)
  }

  const missing = Array.from({ length: count }, (_, index) => index).filter(
    (index) => !done.has(index),
  )
  const failures: unknown[] = []
  const fail = (error: unknown): void => {
    // The first failure stops the others; what they throw because of that is noise.
    if (local.signal.aborted) return
    failures.push(error)
    local.abort(error)
  }
  // One range waits for a slot at a time (not every range at once, each with a listener on the
  // download's signal); those given one run together.
  const running: Promise<void>[] = []
  for (const index of missing) {
    if (signal.aborted) break
    const slot = await deps.slots.acquire(0, signal).catch((error: unknown) => {
      fail(error)
      return null
    })
    if (!slot) break
    running.push(
      withRequestSignal(signal, (own) => fetchChunk(index, own))
        .catch(fail)
        .finally(() => slot.release()),
    )
  }
  await Promise.all(running)
  // Chunk 0 never started (a stop while waiting for a slot): free its connection.
  ;(takeFirst()?.Body as Readable | undefined)?.destroy()
  if (context.signal.aborted || failures.length > 0) {
    // Keep the started chunks' bytes for the next attempt, this run's or after a restart.
    record = { ...record, partial: [...started].filter(([, bytes]) => bytes > 0) }
    deps.record(record)
  }
  if (context.signal.aborted) throw context.signal.reason
  if (failures.length > 0) {
    throw failures.find((error) => error instanceof ObjectChanged) ?? failures[0]
  }
  if (frontier && (await frontier.digest()) !== expectedMd5) {
    throw new CodedError(
      'CHECKSUM_MISMATCH',
      `"${job.key}" arrived damaged: its MD5 does not match the object's ETag. The partial file was discarded; retry to download it again.`,
    )
  }
  return record
}
