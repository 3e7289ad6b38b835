/** Reading the file being uploaded, and noticing when it moves or changes underneath us. */
import { createReadStream } from 'node:fs'
import { stat, type FileHandle } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { CodedError } from '../../../shared/errors'

export type FileIdentity = { readonly size: number; readonly mtimeMs: number }

const missing = (name: string): CodedError =>
  new CodedError(
    'FILE_MISSING',
    `"${name}" is no longer there (moved or deleted), so it was not uploaded. Nothing in the bucket was changed.`,
  )

export const changed = (name: string): CodedError =>
  new CodedError(
    'FILE_CHANGED',
    `"${name}" changed while it was being uploaded, so the upload stopped before anything was replaced. Retry to upload the new version.`,
  )

export const localError = (error: unknown, doing: string): CodedError => {
  const code = (error as { code?: string }).code ?? ''
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new CodedError('DISK_FULL', `The disk is full: could not ${doing}.`)
  }
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'the disk is read-only'
        : code === 'EISDIR'
          ? 'it is a folder'
          : ((error as Error).message ?? 'unknown error')
  return new CodedError('LOCAL_FILE_ERROR', `Could not ${doing}: ${why}.`)
}

/** Size and modification time, or FILE_MISSING. */
export const identify = async (file: string, name: string): Promise<FileIdentity> => {
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new CodedError('LOCAL_FILE_ERROR', `"${name}" is not a file.`)
    return { size: info.size, mtimeMs: info.mtimeMs }
  } catch (error) {
    if (error instanceof CodedError) throw error
    if ((error as { code?: string }).code === 'ENOENT') throw missing(name)
    throw localError(error, `read "${name}"`)
  }
}

export const sameIdentity = (a: FileIdentity, b: FileIdentity): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs

/** Throws FILE_MISSING or FILE_CHANGED unless the file is still what it was. */
export const checkUnchanged = async (
  file: string,
  name: string,
  expected: FileIdentity,
): Promise<void> => {
  if (!sameIdentity(await identify(file, name), expected)) throw changed(name)
}

/** Fills `buffer` from `position`; a short read means the file shrank (FILE_CHANGED). */
export const readExactly = async (
  handle: FileHandle,
  buffer: Buffer,
  position: number,
  name: string,
): Promise<void> => {
  let filled = 0
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(
      buffer,
      filled,
      buffer.length - filled,
      position + filled,
    )
    if (bytesRead === 0) throw changed(name)
    filled += bytesRead
  }
}

/** Hex MD5 of a whole file, read as a stream. */
export const md5OfFile = async (file: string, signal: AbortSignal): Promise<string> => {
  const hash = createHash('md5')
  for await (const chunk of createReadStream(file, { signal, highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer)
  }
  return hash.digest('hex')
}
