/** Multipart arithmetic (DSS.md §2): part sizes, ranges, and the ETag S3 gives the result. */
import { createHash } from 'node:crypto'
import { MIB, type TransferSettings } from '../../../shared/transfers'

export const MAX_PARTS = 10_000
/** Every part but the last must be at least this (RGW answers EntityTooSmall at completion). */
export const MIN_PART_SIZE = 5 * MIB
export const MAX_PART_SIZE = 5 * 1024 * MIB

/** The setting, grown to a whole MiB so that no file needs more than 10,000 parts. */
export const partSizeFor = (size: number, setting: number): number =>
  Math.max(setting, MIN_PART_SIZE, Math.ceil(size / MAX_PARTS / MIB) * MIB)

export const partCount = (size: number, partSize: number): number =>
  Math.max(1, Math.ceil(size / partSize))

/** How a file goes up: one PutObject below the multipart threshold, else parts of one size. */
export type UploadShape =
  | { readonly kind: 'single' }
  | { readonly kind: 'multipart'; readonly partSize: number; readonly parts: number }

export const uploadShape = (
  size: number,
  settings: Pick<TransferSettings, 'multipartThreshold' | 'partSize'>,
): UploadShape => {
  if (size < settings.multipartThreshold) return { kind: 'single' }
  const partSize = partSizeFor(size, settings.partSize)
  return { kind: 'multipart', partSize, parts: partCount(size, partSize) }
}

/**
 * Whether parts of `partSize` are a valid multipart upload of `size` bytes: a journal record
 * that says otherwise (written by hand or by an older version) is not continued.
 */
export const validPartSize = (size: number, partSize: number): boolean =>
  Number.isSafeInteger(partSize) &&
  partSize >= MIN_PART_SIZE &&
  partSize <= MAX_PART_SIZE &&
  partCount(size, partSize) <= MAX_PARTS

/** Byte range of part `number` (1-based); the last part may be shorter. */
export const partRange = (
  number: number,
  partSize: number,
  size: number,
): { readonly start: number; readonly length: number } => {
  const start = (number - 1) * partSize
  return { start, length: Math.max(0, Math.min(partSize, size - start)) }
}

/** An ETag without its quotes, lower case: '"ABC"' → 'abc'. */
export const bareEtag = (etag: string | undefined | null): string =>
  (etag ?? '').replace(/"/g, '').trim().toLowerCase()

/** The ETag S3 gives a multipart object: MD5 of the parts' binary MD5s, then '-' and the count. */
export const multipartEtag = (partMd5sHex: readonly string[]): string => {
  const hash = createHash('md5')
  for (const md5 of partMd5sHex) hash.update(Buffer.from(md5, 'hex'))
  return `${hash.digest('hex')}-${partMd5sHex.length}`
}

export const isPlainMd5 = (etag: string): boolean => /^[0-9a-f]{32}$/.test(etag)
export const isMultipartEtag = (etag: string): boolean => /^[0-9a-f]{32}-\d+$/.test(etag)
