/**
 * Hashes remembered between compares in `sync-hashes.json`, by absolute path, valid while the
 * file's size and modification time are those it was hashed at. Read through a schema (a damaged
 * file is set aside and hashes are computed again); saved atomically.
 */
import path from 'node:path'
import { z } from 'zod'
import { readValidated, writeJsonAtomic, type OnSetAside } from '../atomic-file'
import type { FileHashes } from './hash-worker'

export const HASHES_FILE = 'sync-hashes.json'

const entry = z.object({
  size: z.number().int().min(0),
  mtimeMs: z.number(),
  md5: z.string().regex(/^[0-9a-f]{32}$/),
  etags: z.record(z.string(), z.string()),
})
type Entry = z.output<typeof entry>

const cacheFile = z.object({ version: z.literal(1), files: z.record(z.string(), entry) })

export type HashCache = {
  /** The hashes of this file as it is now (size and time), with every part size asked for. */
  get(file: string, size: number, mtimeMs: number, partSizes: readonly number[]): FileHashes | null
  put(file: string, size: number, mtimeMs: number, hashes: FileHashes): void
  save(): Promise<void>
}

/** Past this many files the oldest are dropped, so the file stays small enough to read at once. */
const MAX_ENTRIES = 200_000

export const loadHashCache = async (
  dataDir: string,
  onSetAside: OnSetAside,
): Promise<HashCache> => {
  const file = path.join(dataDir, HASHES_FILE)
  const read = await readValidated(file, cacheFile, { version: 1, files: {} }, onSetAside)
  const files = new Map<string, Entry>(Object.entries(read.files))
  let dirty = false
  return {
    get(target, size, mtimeMs, partSizes) {
      const found = files.get(target)
      if (!found || found.size !== size || found.mtimeMs !== mtimeMs) return null
      if (partSizes.some((part) => found.etags[String(part)] === undefined)) return null
      return { md5: found.md5, etags: found.etags }
    },
    put(target, size, mtimeMs, hashes) {
      const old = files.get(target)
      const etags =
        old && old.size === size && old.mtimeMs === mtimeMs
          ? { ...old.etags, ...hashes.etags }
          : hashes.etags
      files.delete(target)
      files.set(target, { size, mtimeMs, md5: hashes.md5, etags })
      while (files.size > MAX_ENTRIES) files.delete(files.keys().next().value as string)
      dirty = true
    },
    async save() {
      if (!dirty) return
      dirty = false
      await writeJsonAtomic(file, { version: 1, files: Object.fromEntries(files) })
    },
  }
}
