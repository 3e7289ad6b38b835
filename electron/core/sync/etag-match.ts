/**
 * Whether a local file's content matches an object's ETag, without reading the object: a plain
 * ETag is the MD5 of the body; a multipart one ("…-N") is recomputed from the part size our own
 * uploads use or, for other clients' objects, the part sizes they commonly use with N parts.
 */
import { MIB } from '../../../shared/transfers'
import {
  bareEtag,
  isMultipartEtag,
  isPlainMd5,
  partCount,
  partSizeFor,
} from '../transfers/part-plan'
import type { FileHashes } from './hash-worker'

/** Part sizes other clients use: rclone 5 MiB, awscli 8 MiB, s3cmd 15 MiB, and round sizes. */
const COMMON_PART_SIZES = [5, 8, 10, 15, 16, 32, 64, 100, 128, 256, 512].map((size) => size * MIB)

export type EtagKind =
  | { readonly kind: 'md5' }
  | { readonly kind: 'multipart'; readonly partSizes: readonly number[] }
  | { readonly kind: 'opaque' }

/** What hashing a file of `size` needs in order to be compared with `etag`. */
export const etagKind = (etag: string | null, size: number, ourPartSize: number): EtagKind => {
  const bare = bareEtag(etag)
  if (isPlainMd5(bare)) return { kind: 'md5' }
  if (!isMultipartEtag(bare)) return { kind: 'opaque' }
  const parts = Number(bare.split('-')[1])
  const candidates = [partSizeFor(size, ourPartSize), ...COMMON_PART_SIZES]
  const partSizes = [...new Set(candidates)].filter((part) => partCount(size, part) === parts)
  return partSizes.length > 0 ? { kind: 'multipart', partSizes } : { kind: 'opaque' }
}

/** true / false when the hashes decide, null when the ETag cannot be checked. */
export const contentMatches = (
  etag: string | null,
  size: number,
  ourPartSize: number,
  hashes: FileHashes,
): boolean | null => {
  const kind = etagKind(etag, size, ourPartSize)
  const bare = bareEtag(etag)
  if (kind.kind === 'md5') return hashes.md5 === bare
  if (kind.kind === 'opaque') return null
  return kind.partSizes.some((part) => hashes.etags[String(part)] === bare)
}

export const sameEtag = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && bareEtag(a) === bareEtag(b)
