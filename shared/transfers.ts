/**
 * Transfers (uploads and downloads) as both sides see them: request schemas, the compact
 * snapshots main emits, and the queue's settings.
 */
import { z } from 'zod'
import type { AppError } from './errors'
import { localClashPolicies, nameClashPolicies, type NameClashPolicy } from './name-clash'

export const MIB = 1024 ** 2
/** The largest object S3 stores (and so the largest file we upload): 5 TiB. */
export const MAX_OBJECT_BYTES = 5 * 1024 ** 4

export type TransferKind = 'upload' | 'download'

export const transferStates = [
  'queued',
  'running',
  'paused',
  'done',
  'failed',
  'cancelled',
] as const
export type TransferState = (typeof transferStates)[number]

/** Uploads settle name clashes by the one policy every write uses (name-clash.ts). */
export const conflictPolicies = nameClashPolicies
export type ConflictPolicy = NameClashPolicy

/** One transfer as the transfer panel shows it. */
export type TransferSnapshot = {
  readonly id: string
  /** Transfers started by one upload or download command share a batch. */
  readonly batchId: string
  readonly accountId: string
  readonly kind: TransferKind
  readonly bucket: string
  readonly key: string
  /** What to call it: the file (or folder) name. */
  readonly name: string
  /** Where a download is written; an upload's file when it came from a path. */
  readonly localPath: string | null
  readonly state: TransferState
  readonly bytesDone: number
  /** null until known (a download learns it from the first response). */
  readonly bytesTotal: number | null
  readonly bytesPerSecond: number
  readonly etaSeconds: number | null
  readonly error: AppError | null
  /** Something the user should know that is not a failure, e.g. that an upload started over. */
  readonly note: string | null
}

/** What every transfer is known by, in main's journal and tasks too. */
export type TransferRef = Pick<TransferSnapshot, 'id' | 'batchId' | 'accountId' | 'bucket' | 'key'>

export type TransferTotals = {
  readonly counts: Readonly<Record<TransferState, number>>
  /** Over every transfer not cancelled. */
  readonly bytesDone: number
  readonly bytesTotal: number
  readonly bytesPerSecond: number
  readonly etaSeconds: number | null
}

/** The `transfers.updated` event: what changed since the last one (at most 5 a second). */
export type TransfersUpdate = {
  readonly changed: readonly TransferSnapshot[]
  /** Transfers cleared from the list. */
  readonly removed: readonly string[]
  readonly totals: TransferTotals
}

export type TransfersList = {
  readonly transfers: readonly TransferSnapshot[]
  readonly totals: TransferTotals
}

export type TransferBatch = {
  readonly batchId: string
  /** Transfers created (files, and folders made or created). */
  readonly created: number
  /** Keys left alone because they existed and the policy was 'skip'. */
  readonly skipped: readonly string[]
}

export type TransferSettings = {
  readonly filesInFlight: number
  /** Multipart parts sent at once over all uploads; memory is bounded by this × part size. */
  readonly partsInFlight: number
  /** Files of this size or more go multipart. */
  readonly multipartThreshold: number
  /** Grown per file so no file needs more than 10,000 parts. */
  readonly partSize: number
}

export const DEFAULT_TRANSFER_SETTINGS: TransferSettings = {
  filesInFlight: 8,
  partsInFlight: 6,
  multipartThreshold: 16 * MIB,
  partSize: 16 * MIB,
}

const bucket = z.string().min(1).max(255)
const key = z.string().min(1).max(1024)
/**
 * A key to upload, as sent: S3's limit (1,024 bytes of UTF-8) is checked per item by the core, so
 * one name that is too long fails alone instead of failing the batch.
 */
const uploadKey = z.string().min(1).max(8192)
const prefix = z.string().max(1024)
const id = z.string().min(1).max(200)

const fileSource = z.discriminatedUnion('kind', [
  /** A file on this computer (Electron gets it from the dropped File, never from the page). */
  z.strictObject({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  /** A file the web shell staged over HTTP (POST /files/stage). */
  z.strictObject({
    kind: z.literal('staged'),
    stagedId: z.uuid(),
    name: z.string().min(1).max(1024),
    size: z.number().int().min(0).max(MAX_OBJECT_BYTES),
    lastModified: z.number().int().min(0),
  }),
  /**
   * A file the page could not read to its end (it changed or went away while being read): it
   * becomes a failed transfer with this reason beside it, and the rest of the batch goes on.
   */
  z.strictObject({
    kind: z.literal('unreadable'),
    name: z.string().min(1).max(1024),
    size: z.number().int().min(0).max(MAX_OBJECT_BYTES),
    problem: z.string().min(1).max(500),
  }),
])

export type FileSource = z.output<typeof fileSource>

export const uploadRequest = z.strictObject({
  accountId: id,
  bucket,
  /** The folder the files go into ('' for the bucket root). */
  prefix,
  files: z
    .array(
      z.strictObject({
        source: fileSource,
        /** The key below `prefix`, '/'-separated, e.g. 'photos/2024/a.jpg'. */
        relativeKey: uploadKey,
      }),
    )
    .max(100_000),
  /** Empty folders to create (relative to `prefix`), e.g. 'photos/empty/'. */
  folders: z.array(uploadKey).max(100_000).default([]),
  /** What to do with a file whose key exists (asked once per batch). */
  conflict: z.enum(conflictPolicies),
})

export const conflictsRequest = z.strictObject({
  accountId: id,
  bucket,
  keys: z.array(uploadKey).max(100_000),
  /** Chosen by the caller so `requests.cancel` can stop the listings. */
  requestId: z.string().min(1).max(200).optional(),
})

export const downloadRequest = z.strictObject({
  accountId: id,
  bucket,
  keys: z.array(key).max(100_000),
  /** Folders, each downloaded recursively; '' is the whole bucket. */
  prefixes: z.array(prefix).max(10_000).default([]),
  /** An absolute folder; null is the OS Downloads folder. */
  destination: z.string().min(1).max(4096).nullable().default(null),
  /**
   * Where a file of that name is there already: keep both (saved as "name (1)"), skip it, or
   * replace it once the download is complete (part-file.ts publishes; nothing is written over a
   * file in place, and a file that appears meanwhile is kept unless replacing was chosen).
   */
  conflict: z.enum(localClashPolicies).default('keep-both'),
})

export const transferIdRequest = z.strictObject({ id })

export const settingsRequest = z.strictObject({
  filesInFlight: z.number().int().min(1).max(64).optional(),
  partsInFlight: z.number().int().min(1).max(64).optional(),
  multipartThreshold: z
    .number()
    .int()
    .min(5 * MIB)
    .max(512 * MIB)
    .optional(),
  partSize: z
    .number()
    .int()
    .min(5 * MIB)
    .max(512 * MIB)
    .optional(),
})

/** Overall counts, bytes, speed and ETA over a list of transfer snapshots (main and tests). */
export const totalsOf = (transfers: readonly TransferSnapshot[]): TransferTotals => {
  const counts: Record<TransferState, number> = {
    queued: 0,
    running: 0,
    paused: 0,
    done: 0,
    failed: 0,
    cancelled: 0,
  }
  let bytesDone = 0
  let bytesTotal = 0
  let bytesPerSecond = 0
  for (const transfer of transfers) {
    counts[transfer.state] += 1
    if (transfer.state === 'cancelled') continue
    bytesDone += transfer.bytesDone
    bytesTotal += transfer.bytesTotal ?? transfer.bytesDone
    bytesPerSecond += transfer.bytesPerSecond
  }
  const active = counts.queued + counts.running > 0
  return {
    counts,
    bytesDone,
    bytesTotal,
    bytesPerSecond,
    etaSeconds:
      active && bytesPerSecond > 0 ? Math.ceil((bytesTotal - bytesDone) / bytesPerSecond) : null,
  }
}
