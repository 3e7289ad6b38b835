/**
 * Hashing off the main thread: a worker reads a file once and gives its MD5 and, for each part
 * size asked, the multipart ETag S3 would give it (and, when asked, each part's MD5: an upload
 * then sends its parts' Content-MD5 without hashing them again on the main thread). The worker's code is plain JavaScript in a
 * string (eval), so it runs the same under the bundler, tsx and the test runner.
 */
import { Worker } from 'node:worker_threads'

export type FileHashes = {
  /** The whole file's MD5 (hex); empty when it was not asked for. */
  readonly md5: string
  /** By part size: "md5-of-part-md5s-N". */
  readonly etags: Readonly<Record<string, string>>
  /** By part size, each part's MD5 (hex), in order: only when asked for. */
  readonly partMd5s?: Readonly<Record<string, readonly string[]>>
}

export type HashOptions = {
  /** The whole file's MD5 (default true): leave it out when another job computes it. */
  readonly whole?: boolean
  /** Each part's MD5 as well as the ETag (default false). */
  readonly partMd5s?: boolean
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { createReadStream } = require('node:fs')
parentPort.on('message', async ({ id, file, partSizes, whole: wanted, partMd5s }) => {
  try {
    const whole = wanted ? createHash('md5') : null
    const parts = partSizes.map((size) => ({ size, hash: createHash('md5'), filled: 0, md5s: [] }))
    let sinceReport = 0
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      if (whole) whole.update(chunk)
      for (const part of parts) {
        let at = 0
        while (at < chunk.length) {
          const take = Math.min(part.size - part.filled, chunk.length - at)
          part.hash.update(chunk.subarray(at, at + take))
          part.filled += take
          at += take
          if (part.filled === part.size) {
            part.md5s.push(part.hash.digest())
            part.hash = createHash('md5')
            part.filled = 0
          }
        }
      }
      sinceReport += chunk.length
      if (sinceReport >= 8 << 20) {
        parentPort.postMessage({ id, progress: sinceReport })
        sinceReport = 0
      }
    }
    if (sinceReport > 0) parentPort.postMessage({ id, progress: sinceReport })
    const etags = {}
    const md5s = {}
    for (const part of parts) {
      if (part.filled > 0 || part.md5s.length === 0) part.md5s.push(part.hash.digest())
      const all = createHash('md5')
      for (const md5 of part.md5s) all.update(md5)
      etags[part.size] = all.digest('hex') + '-' + part.md5s.length
      if (partMd5s) md5s[part.size] = part.md5s.map((md5) => md5.toString('hex'))
    }
    const md5 = whole ? whole.digest('hex') : ''
    parentPort.postMessage({ id, done: partMd5s ? { md5, etags, partMd5s: md5s } : { md5, etags } })
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) })
  }
})
`

type Reply =
  | { readonly id: number; readonly progress: number }
  | { readonly id: number; readonly done: FileHashes }
  | { readonly id: number; readonly error: string }

export type Hasher = {
  /** Hashes a file; `progress` hears bytes read as they go. */
  hash(
    file: string,
    partSizes: readonly number[],
    progress?: (bytes: number) => void,
    options?: HashOptions,
  ): Promise<FileHashes>
  close(): Promise<void>
}

type Pending = {
  readonly resolve: (hashes: FileHashes) => void
  readonly reject: (error: Error) => void
  readonly progress: (bytes: number) => void
}

/** A small pool of hashing workers (started on first use, ended by close). */
export const createHasher = (workers = 2): Hasher => {
  const pool: { worker: Worker; busy: number }[] = []
  const pending = new Map<number, Pending>()
  let next = 0
  const start = (): { worker: Worker; busy: number } => {
    const worker = new Worker(WORKER_SOURCE, { eval: true })
    worker.unref()
    const slot = { worker, busy: 0 }
    worker.on('message', (reply: Reply) => {
      const waiting = pending.get(reply.id)
      if (!waiting) return
      if ('progress' in reply) return waiting.progress(reply.progress)
      pending.delete(reply.id)
      slot.busy -= 1
      if ('done' in reply) waiting.resolve(reply.done)
      else waiting.reject(new Error(reply.error))
    })
    worker.on('error', (error) => {
      for (const [id, waiting] of pending) {
        pending.delete(id)
        waiting.reject(error)
      }
    })
    pool.push(slot)
    return slot
  }
  return {
    hash(file, partSizes, progress = () => undefined, options = {}) {
      const slot =
        pool.length < workers
          ? start()
          : pool.reduce((least, candidate) => (candidate.busy < least.busy ? candidate : least))
      const id = (next += 1)
      slot.busy += 1
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, progress })
        slot.worker.postMessage({
          id,
          file,
          partSizes: [...partSizes],
          whole: options.whole ?? true,
          partMd5s: options.partMd5s ?? false,
        })
      })
    },
    async close() {
      await Promise.all(pool.splice(0).map((slot) => slot.worker.terminate()))
    },
  }
}
