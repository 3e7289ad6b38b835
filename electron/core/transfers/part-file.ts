/**
 * A download's `name.part`: opened on first use (a GET that fails at once leaves no empty file),
 * written at known positions with every byte hashed as it lands, and finally published under
 * its real name, replacing a file there only when the user (or a sync's plan) chose to.
 */
import { createHash, type Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { link, lstat, open, rename, rm, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { CodedError } from '../../../shared/errors'
import type { DownloadRecord, LocalReplace } from './journal'
import { localError } from './file-source'
import { firstFreeName } from './numbered-name'

/** What a run knows about the `.part`: its length, the MD5 of those bytes, their version. */
export type PartState = { position: number; hash: Hash; record: DownloadRecord | null }

export type PartFile = {
  /** Writes the buffers one after another from `position` (one system call, no copy, mostly). */
  write(buffers: readonly Buffer[], position: number): Promise<void>
  /** Fills `length` bytes of `buffer` from `position` (bytes written earlier by this run). */
  read(buffer: Buffer, length: number, position: number): Promise<void>
  truncate(length: number): Promise<void>
  /** Creates the file if it is not there yet. */
  touch(): Promise<void>
  close(): Promise<void>
}

/** Body chunks are gathered to this size before each write. */
const WRITE_BATCH = 1024 * 1024

/** What a short write left of `buffers` after its first `written` bytes. */
const unwritten = (buffers: readonly Buffer[], written: number): readonly Buffer[] => {
  let skip = written
  const rest: Buffer[] = []
  for (const buffer of buffers) {
    if (skip >= buffer.length) skip -= buffer.length
    else {
      rest.push(skip > 0 ? buffer.subarray(skip) : buffer)
      skip = 0
    }
  }
  return rest
}

/** A file's length, 0 when it is not there (a `.part` not started yet). */
export const sizeOnDisk = (file: string): Promise<number> =>
  lstat(file).then(
    (info) => info.size,
    () => 0,
  )

export const exists = async (target: string): Promise<boolean> =>
  lstat(target).then(
    () => true,
    () => false,
  )

/** MD5 state of the first `length` bytes already in the file (a resume after a restart). */
export const hashExisting = async (
  file: string,
  length: number,
  signal: AbortSignal,
): Promise<Hash> => {
  const hash = createHash('md5')
  if (length === 0) return hash
  for await (const chunk of createReadStream(file, { end: length - 1, signal })) {
    hash.update(chunk as Buffer)
  }
  return hash
}

export const createPartFile = (
  partPath: string,
  existing: boolean,
  diskError: (error: unknown) => CodedError,
): PartFile => {
  let opened: Promise<FileHandle> | null = null
  const get = (): Promise<FileHandle> =>
    (opened ??= open(partPath, existing ? 'r+' : 'w+').catch((error: unknown) => {
      opened = null
      throw diskError(error)
    }))
  return {
    async write(buffers, position) {
      const handle = await get()
      try {
        let rest = buffers
        let at = position
        while (rest.length > 0) {
          const { bytesWritten } = await handle.writev(rest, at)
          at += bytesWritten
          rest = unwritten(rest, bytesWritten)
        }
      } catch (error) {
        throw diskError(error)
      }
    },
    async read(buffer, length, position) {
      const handle = await get()
      for (let done = 0; done < length;) {
        const { bytesRead } = await handle.read(buffer, done, length - done, position + done)
        if (bytesRead === 0) {
          throw new CodedError(
            'LOCAL_FILE_ERROR',
            `${partPath} became shorter while it was written.`,
          )
        }
        done += bytesRead
      }
    },
    async truncate(length) {
      await (await get()).truncate(length).catch((error: unknown) => {
        throw diskError(error)
      })
    },
    async touch() {
      await get()
    },
    async close() {
      const handle = await opened?.catch(() => null)
      await handle?.close()
    },
  }
}

export const startOver = async (part: PartFile, state: PartState): Promise<void> => {
  await part.truncate(0)
  state.position = 0
  state.hash = createHash('md5')
  state.record = null
}

type DrainOptions = { readonly signal: AbortSignal; readonly progress: (bytes: number) => void }

/**
 * Reads a response body in batches of about 1 MiB and hands each to `land`, which writes it. On a
 * cut, what arrived before it is landed too: the next attempt asks only for the rest.
 */
const drain = async (
  body: Readable,
  signal: AbortSignal,
  land: (buffers: readonly Buffer[], length: number) => Promise<void>,
): Promise<void> => {
  let batch: Buffer[] = []
  let batched = 0
  const flush = async (): Promise<void> => {
    if (batched === 0) return
    const buffers = batch
    const length = batched
    batch = []
    batched = 0
    await land(buffers, length)
  }
  const stop = (): void => {
    body.destroy(new Error('Stopped.'))
  }
  signal.addEventListener('abort', stop, { once: true })
  try {
    for await (const chunk of body) {
      batch.push(chunk as Buffer)
      batched += (chunk as Buffer).length
      if (batched >= WRITE_BATCH) await flush()
    }
    await flush()
  } catch (error) {
    if (!(error instanceof CodedError)) await flush().catch(() => undefined)
    throw error
  } finally {
    signal.removeEventListener('abort', stop)
  }
}

/** Writes a response body at the state's position; every byte written is hashed and counted. */
export const drainInto = (
  body: Readable,
  part: PartFile,
  state: PartState,
  options: DrainOptions,
): Promise<void> =>
  drain(body, options.signal, async (buffers, length) => {
    await part.write(buffers, state.position)
    for (const buffer of buffers) state.hash.update(buffer)
    state.position += length
    options.progress(length)
  })

/**
 * Writes a response body from `position` on (one range of a parallel download) and resolves with
 * the bytes written; `progress` hears of each batch as it lands, a cut included. More than
 * `limit` bytes is an answer to another question: it fails.
 */
export const drainAt = async (
  body: Readable,
  part: PartFile,
  position: number,
  options: DrainOptions & { readonly limit?: number },
): Promise<number> => {
  let written = 0
  await drain(body, options.signal, async (buffers, length) => {
    if (options.limit !== undefined && written + length > options.limit) {
      throw new CodedError('SERVER_ERROR', 'The server sent more bytes than the range asked for.')
    }
    await part.write(buffers, position + written)
    written += length
    options.progress(length)
  })
  return written
}

/**
 * Whether the file at `target` may be replaced: it is missing, or a plain file that `replace`
 * allows (any, or the one seen earlier, by size and modification time).
 */
const replaceable = async (target: string, replace: LocalReplace): Promise<boolean> => {
  const info = await lstat(target).catch(() => null)
  if (!info) return true
  if (!info.isFile()) return false
  if (replace === 'any') return true
  return info.size === replace.size && Math.abs(info.mtimeMs - replace.mtimeMs) < 1
}

/** Errors of a replacing rename that mean "something else is there now": keep both instead. */
const IN_THE_WAY = new Set(['EISDIR', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'])

/**
 * Gives the finished `.part` its real name. A file there, or one that appeared meanwhile, is kept
 * and the download saved as "name (1)" — unless `replace` allows replacing it: then the download
 * takes its place whole, in one rename, so the old file is never half overwritten.
 */
export const publish = async (
  partPath: string,
  localPath: string,
  replace?: LocalReplace,
): Promise<string> => {
  if (replace && (await replaceable(localPath, replace))) {
    try {
      await rename(partPath, localPath)
      return localPath
    } catch (error) {
      if (!IN_THE_WAY.has((error as { code?: string }).code ?? '')) {
        throw localError(error, `replace "${localPath}"`)
      }
    }
  }
  const folder = path.dirname(localPath)
  const taken = (candidate: string): Promise<boolean> => exists(path.join(folder, candidate))
  for (;;) {
    const target = path.join(folder, await firstFreeName(path.basename(localPath), taken))
    try {
      // A hard link fails if the target exists, where a rename would replace it.
      await link(partPath, target)
      await rm(partPath, { force: true })
      return target
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'EEXIST') continue
      // File systems without hard links (FAT, some network shares): rename, checked first.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') {
        throw localError(error, `save "${target}"`)
      }
      if (await exists(target)) continue
      await rename(partPath, target)
      return target
    }
  }
}
