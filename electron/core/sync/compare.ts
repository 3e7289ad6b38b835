/**
 * The comparison of a pair's two sides, as a pure function: stat and listing entries, the
 * manifest of the last agreed state, and the hashes of the files where size and time could not
 * decide (asked for by `hashesNeeded`) → one row per path, each with its group and why.
 */
import type {
  ChangeSide,
  ComparisonGroup,
  ComparisonRow,
  GroupTotals,
  SyncCompareMode,
} from '../../../shared/sync'
import { comparisonGroups } from '../../../shared/sync'
import { compareKeys } from '../../../shared/s3-keys'
import { contentMatches, etagKind, sameEtag } from './etag-match'
import type { FileHashes } from './hash-worker'
import type { Manifest, ManifestEntry } from './manifest'
import { localNameProblem } from './remote-scan'
import type { LocalEntry, LocalFile, RemoteEntry, RemoteFile, Skipped } from './side-entries'

export type CompareInput = {
  readonly local: ReadonlyMap<string, LocalEntry>
  readonly remote: ReadonlyMap<string, RemoteEntry>
  readonly skipped: readonly Skipped[]
  readonly manifest: Manifest | null
  readonly mode: SyncCompareMode
  /** The part size our uploads use (to recompute multipart ETags). */
  readonly partSize: number
}

/** The reasons of one-sided rows the manifest knows: two-way deletes on their strength. */
export const DELETED_REMOTELY = 'Deleted in the bucket since the last sync.'
export const DELETED_LOCALLY = 'Deleted here since the last sync.'

export type HashNeed = { readonly path: string; readonly partSizes: readonly number[] }

const sameLocal = (file: LocalFile, entry: ManifestEntry): boolean =>
  file.size === entry.local.size && file.mtimeMs === entry.local.mtimeMs

const sameRemote = (file: RemoteFile, entry: ManifestEntry): boolean =>
  file.size === entry.remote.size && sameEtag(file.etag, entry.remote.etag)

/** Whether deciding this pair of files needs the local file's content. */
const needsContent = (
  local: LocalFile,
  remote: RemoteFile,
  entry: ManifestEntry | undefined,
  mode: SyncCompareMode,
): boolean => {
  if (local.size !== remote.size) return false
  if (!entry) return true
  const localSame = sameLocal(local, entry)
  const remoteSame = sameRemote(remote, entry)
  if (localSame && remoteSame) return mode === 'checksum'
  // Changed on one or both sides with the size unchanged: maybe only a time changed.
  return true
}

/** The files to hash (only where sizes are equal and the manifest cannot settle it). */
export const hashesNeeded = (input: CompareInput): HashNeed[] => {
  const needs: HashNeed[] = []
  for (const [path, local] of input.local) {
    const remote = input.remote.get(path)
    if (local.kind !== 'file' || remote?.kind !== 'file') continue
    if (!needsContent(local, remote, input.manifest?.get(path), input.mode)) continue
    const kind = etagKind(remote.etag, remote.size, input.partSize)
    if (kind.kind === 'opaque') continue
    needs.push({ path, partSizes: kind.kind === 'multipart' ? kind.partSizes : [] })
  }
  return needs
}

const remoteMs = (remote: RemoteFile): number =>
  remote.lastModified === null ? 0 : Date.parse(remote.lastModified)

const newerSide = (local: LocalFile, remote: RemoteFile): ChangeSide => {
  const remoteTime = remoteMs(remote)
  if (remoteTime === 0) return 'differs'
  return local.mtimeMs > remoteTime ? 'local-newer' : 'remote-newer'
}

const sizes = (local: LocalFile, remote: RemoteFile): string =>
  `${local.size.toLocaleString('en-US')} bytes here, ${remote.size.toLocaleString('en-US')} in the bucket`

type Verdict = { group: ComparisonGroup; change: ChangeSide | null; reason: string }

const changed = (change: ChangeSide, reason: string): Verdict => ({
  group: 'changed',
  change,
  reason,
})
const identical = (reason: string): Verdict => ({ group: 'identical', change: null, reason })

/** Two files, no manifest entry: size, then content, decide; time only says which is newer. */
const fromScratch = (
  local: LocalFile,
  remote: RemoteFile,
  mode: SyncCompareMode,
  match: boolean | null,
): Verdict => {
  const newer = newerSide(local, remote)
  if (local.size !== remote.size) return changed(newer, `Sizes differ (${sizes(local, remote)}).`)
  if (match === true)
    return identical('Same size and same content (MD5 of the file matches the ETag).')
  if (match === false)
    return changed(newer, 'Same size, different content (MD5 differs from the ETag).')
  return mode === 'checksum'
    ? changed(
        'differs',
        'Same size, but the ETag cannot be checked against the file (checksum mode).',
      )
    : identical('Same size; the ETag is not an MD5, so content was not compared.')
}

/** Two files with a manifest entry: each side changed or not since the last sync. */
const sinceLastSync = (
  local: LocalFile,
  remote: RemoteFile,
  entry: ManifestEntry,
  match: boolean | null,
): Verdict => {
  const localSame = sameLocal(local, entry)
  const remoteSame = sameRemote(remote, entry)
  if (localSame && remoteSame) {
    return match === false
      ? changed('differs', 'Size and time unchanged since the last sync, but the content differs.')
      : identical('Unchanged on both sides since the last sync.')
  }
  if (match === true)
    return identical('Changed since the last sync, but both sides have the same content.')
  if (localSame) return changed('remote-newer', 'Changed in the bucket since the last sync.')
  if (remoteSame) return changed('local-newer', 'Changed here since the last sync.')
  return {
    group: 'conflict',
    change: 'differs',
    reason: 'Changed on both sides since the last sync.',
  }
}

const fileRow = (
  path: string,
  local: LocalFile,
  remote: RemoteFile,
  input: CompareInput,
  hashes: ReadonlyMap<string, FileHashes>,
): ComparisonRow => {
  const found = hashes.get(path)
  const match =
    found && local.size === remote.size
      ? contentMatches(remote.etag, remote.size, input.partSize, found)
      : null
  const entry = input.manifest?.get(path)
  const verdict = entry
    ? sinceLastSync(local, remote, entry, match)
    : fromScratch(local, remote, input.mode, match)
  return { path, kind: 'file', ...verdict, local: sideOf(local), remote: sideOf(remote) }
}

const sideOf = <T extends { kind: 'file' }>(file: T): Omit<T, 'kind'> => {
  const { kind: _kind, ...rest } = file
  return rest
}

/** Only on one side: new there, or (with a manifest entry) deleted on the other since. */
const oneSided = (
  path: string,
  local: LocalEntry | undefined,
  remote: RemoteEntry | undefined,
  manifest: Manifest | null,
): ComparisonRow => {
  const here = local !== undefined
  const entry = manifest?.get(path)
  const kind = (local ?? remote)?.kind ?? 'file'
  const reason = entry
    ? here
      ? DELETED_REMOTELY
      : DELETED_LOCALLY
    : here
      ? 'Only in the local folder.'
      : 'Only in the bucket.'
  return {
    path,
    kind,
    group: here ? 'local-only' : 'remote-only',
    change: null,
    reason,
    local: local?.kind === 'file' ? sideOf(local) : null,
    remote: remote?.kind === 'file' ? sideOf(remote) : null,
  }
}

export const compareSides = (
  input: CompareInput,
  hashes: ReadonlyMap<string, FileHashes>,
): ComparisonRow[] => {
  const paths = [...new Set([...input.local.keys(), ...input.remote.keys()])].sort(compareKeys)
  const rows: ComparisonRow[] = []
  for (const path of paths) {
    const local = input.local.get(path)
    const remote = input.remote.get(path)
    if (local && remote) {
      rows.push(
        local.kind === 'file' && remote.kind === 'file'
          ? fileRow(path, local, remote, input, hashes)
          : {
              path,
              kind: 'folder',
              group: 'identical',
              change: null,
              reason: 'An empty folder on both sides.',
              local: null,
              remote: null,
            },
      )
    } else {
      const problem = local ? null : localNameProblem(path)
      rows.push(
        problem
          ? {
              path,
              kind: remote?.kind ?? 'file',
              group: 'skipped',
              change: null,
              reason: problem,
              local: null,
              remote: remote?.kind === 'file' ? sideOf(remote) : null,
            }
          : oneSided(path, local, remote, input.manifest),
      )
    }
  }
  for (const skipped of input.skipped) {
    rows.push({
      path: skipped.path,
      kind: 'file',
      group: 'skipped',
      change: null,
      reason: skipped.reason,
      local: null,
      remote: null,
    })
  }
  return rows
}

/** Counts and bytes per group (bytes: the larger side of a row, what a sync could move). */
export const groupTotals = (
  rows: readonly ComparisonRow[],
): Record<ComparisonGroup, GroupTotals> => {
  const totals = Object.fromEntries(
    comparisonGroups.map((group) => [group, { count: 0, bytes: 0 }]),
  ) as Record<ComparisonGroup, { count: number; bytes: number }>
  for (const row of rows) {
    totals[row.group].count += 1
    totals[row.group].bytes += Math.max(row.local?.size ?? 0, row.remote?.size ?? 0)
  }
  return totals
}
