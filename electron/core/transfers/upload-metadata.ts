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

/** One small pool for every upload of the process; its workers do not keep it alive. */
const hasher = (): Hasher => (shared ??= createHasher(1))

export const md5Base64OfFile = async (file: string): Promise<string> => {
  const { md5 } = await hasher().hash(file, [])
  return Buffer.from(md5, 'hex').toString('base64')
}

export const singleMetadata = (mtimeMs: number): Record<string, string> => ({
  [MTIME_KEY]: mtimeValue(mtimeMs),
})

export const multipartMetadata = async (
  file: string,
  mtimeMs: number,
): Promise<Record<string, string>> => ({
  [MTIME_KEY]: mtimeValue(mtimeMs),
  [MD5_KEY]: await md5Base64OfFile(file),
})
