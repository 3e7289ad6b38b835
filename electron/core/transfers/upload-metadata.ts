/**
 * The user metadata every upload carries, at no extra request: `x-amz-meta-mtime` (the file's
 * modification time in seconds since the epoch, as rclone and Cyberduck write it) and, for a
 * multipart upload, `x-amz-meta-md5chksum` (base64 MD5 of the whole file, as rclone writes it,
 * since a multipart ETag is not the file's MD5). The MD5 is computed in a worker thread.
 */
import { createHasher, type Hasher } from '../sync/hash-worker'

/** The SDK adds the `x-amz-meta-` prefix. */
export const MTIME_KEY = 'mtime'
export const MD5_KEY = 'md5chksum'

/** rclone's form: seconds with the fraction as far as it is known ("1764586800.123"). */
export const mtimeValue = (mtimeMs: number): string => String(mtimeMs / 1000)

let shared: Hasher | null = null

/**
 * One small pool for every upload of the process; its workers do not keep it alive. Two workers:
 * the whole file's MD5 and its parts' MD5s are two passes over the same bytes, side by side.
 */
const hasher = (): Hasher => (shared ??= createHasher(2))

export const singleMetadata = (mtimeMs: number): Record<string, string> => ({
  [MTIME_KEY]: mtimeValue(mtimeMs),
})

/** What a new multipart upload is created with, and each part's MD5 (hex) for its Content-MD5. */
export type MultipartStart = {
  readonly metadata: Readonly<Record<string, string>>
  readonly partMd5s: readonly string[]
}

/**
 * The metadata of a new multipart upload and its parts' MD5s, read off the main thread before
 * the first part: the whole file's MD5 in one worker while the other hashes it part by part.
 * The parts are read again as they are sent, and the server checks each against its Content-MD5,
 * so a file that changed since is refused, not stored.
 */
export const multipartStart = async (
  file: string,
  mtimeMs: number,
  partSize: number,
): Promise<MultipartStart> => {
  const pool = hasher()
  const [whole, parts] = await Promise.all([
    pool.hash(file, []),
    pool.hash(file, [partSize], undefined, { whole: false, partMd5s: true }),
  ])
  return {
    metadata: {
      [MTIME_KEY]: mtimeValue(mtimeMs),
      [MD5_KEY]: Buffer.from(whole.md5, 'hex').toString('base64'),
    },
    partMd5s: parts.partMd5s?.[String(partSize)] ?? [],
  }
}
