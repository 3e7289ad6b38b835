/**
 * The staging folder (data dir/staging): files the web shell receives over HTTP wait here until
 * their upload is done or cancelled. A browser page cannot hand the core a path, so this is how
 * dropped files reach it. Streams to disk, so memory stays small whatever the file size.
 */
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rename, rm, utimes } from 'node:fs/promises'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CodedError } from '../../../shared/errors'

export type StageMeta = {
  readonly name: string
  readonly size: number
  /** The dropped file's own modification time (ms): the staged copy takes it, so the upload
   * records the file's time (x-amz-meta-mtime), not the moment it was staged. */
  readonly lastModified?: number
}

export type Staging = {
  /** Streams `body` to a new staged file of exactly `meta.size` bytes. */
  stage(body: Readable, meta: StageMeta): Promise<{ readonly stagedId: string }>
  /** Where a staged file is (the id is checked, so no path can be smuggled in). */
  pathOf(stagedId: string): string
  remove(stagedId: string): Promise<void>
  /** Deletes staged files not in `keep` (left by an earlier run). */
  sweep(keep: ReadonlySet<string>): Promise<void>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export const createStaging = (dataDir: string): Staging => {
  const dir = path.join(dataDir, 'staging')
  const pathOf = (stagedId: string): string => {
    if (!UUID.test(stagedId)) throw new CodedError('INVALID_REQUEST', 'Unknown staged file.')
    return path.join(dir, stagedId)
  }
  return {
    pathOf,
    async stage(body, meta) {
      await mkdir(dir, { recursive: true, mode: 0o700 })
      const stagedId = randomUUID()
      const target = pathOf(stagedId)
      const temp = `${target}.incoming`
      let received = 0
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          received += chunk.length
          if (received > meta.size) {
            done(new CodedError('INVALID_REQUEST', `More than the announced ${meta.size} bytes.`))
          } else done(null, chunk)
        },
      })
      try {
        await pipeline(body, counter, createWriteStream(temp, { mode: 0o600 }))
        if (received !== meta.size) {
          throw new CodedError(
            'INVALID_REQUEST',
            `Received ${received} bytes of "${meta.name}", not the announced ${meta.size}.`,
          )
        }
        if (meta.lastModified !== undefined) {
          const time = new Date(meta.lastModified)
          await utimes(temp, time, time)
        }
        await rename(temp, target)
        return { stagedId }
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    },
    async remove(stagedId) {
      await rm(pathOf(stagedId), { force: true })
    },
    async sweep(keep) {
      const names = await readdir(dir).catch(() => [] as string[])
      await Promise.all(
        names
          .filter((name) => !keep.has(name))
          .map((name) => rm(path.join(dir, name), { force: true })),
      )
    },
  }
}
