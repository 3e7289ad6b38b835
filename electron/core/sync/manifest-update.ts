/**
 * The manifest after a run, as a pure function: what was identical at the compare, and every path
 * a run action finished, as both sides now have it; paths gone from both sides are forgotten.
 * Paths the run left alone keep their last agreed state.
 */
import type { ComparisonRow } from '../../../shared/sync'
import type { Manifest, ManifestEntry } from './manifest'
import type { LocalEntry, RemoteEntry } from './side-entries'

const entryOf = (
  local: LocalEntry | undefined,
  remote: RemoteEntry | undefined,
): ManifestEntry | null => {
  if (local?.kind === 'folder' && remote?.kind === 'folder') {
    return { local: { size: 0, mtimeMs: 0 }, remote: { size: 0, etag: null } }
  }
  if (local?.kind !== 'file' || remote?.kind !== 'file') return null
  return {
    local: { size: local.size, mtimeMs: local.mtimeMs },
    remote: { size: remote.size, etag: remote.etag },
  }
}

export const updatedManifest = (input: {
  readonly old: Manifest | null
  readonly rows: readonly ComparisonRow[]
  /** Paths whose action finished in this run. */
  readonly succeeded: ReadonlySet<string>
  /** Both sides as they are after the run (or as compared, when the run changed nothing). */
  readonly local: ReadonlyMap<string, LocalEntry>
  readonly remote: ReadonlyMap<string, RemoteEntry>
}): Map<string, ManifestEntry> => {
  const next = new Map(input.old ?? [])
  const settle = (path: string) => {
    const entry = entryOf(input.local.get(path), input.remote.get(path))
    if (entry) next.set(path, entry)
    else next.delete(path)
  }
  for (const row of input.rows) {
    if (row.group === 'identical' || input.succeeded.has(row.path)) settle(row.path)
  }
  // Conflict copies and anything else a run created.
  for (const path of input.succeeded) settle(path)
  for (const path of next.keys()) {
    if (!input.local.has(path) && !input.remote.has(path)) next.delete(path)
  }
  return next
}
