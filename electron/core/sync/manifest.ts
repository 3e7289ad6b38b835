/**
 * A pair's manifest: the last state both sides agreed on (local size and time, remote size and
 * ETag), per path. With it a re-sync tells which side changed without reading a file, and two-way
 * tells a change from a delete. Read through a schema; a damaged one is set aside (the next
 * compare then hashes where it must, and two-way treats one-sided files as new, never deleted).
 */
import path from 'node:path'
import { z } from 'zod'
import { readValidated, writeJsonAtomic, type OnSetAside } from '../atomic-file'

const entry = z.object({
  local: z.object({ size: z.number().int().min(0), mtimeMs: z.number() }),
  remote: z.object({ size: z.number().int().min(0), etag: z.string().nullable() }),
})
export type ManifestEntry = z.output<typeof entry>

/** Keyed by relative path; folders (ending in '/') have zero sizes. */
const manifestFile = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), entry),
})

export type Manifest = ReadonlyMap<string, ManifestEntry>

export const manifestPath = (dataDir: string, pairId: string): string =>
  path.join(dataDir, 'sync', `${pairId.replace(/[^A-Za-z0-9-]/g, '_')}.manifest.json`)

/** null when there is none yet (a pair's first run). */
export const loadManifest = async (
  file: string,
  onSetAside: OnSetAside,
): Promise<Manifest | null> => {
  const read = await readValidated(file, manifestFile.nullable(), null, onSetAside)
  return read ? new Map(Object.entries(read.entries)) : null
}

export const saveManifest = (file: string, manifest: Manifest): Promise<void> =>
  writeJsonAtomic(file, { version: 1, entries: Object.fromEntries(manifest) })
