/**
 * Runs a comparison: lists both sides (stat; recursive listings), hashes off the main thread only
 * the files size and time cannot decide (remembered in the hash cache), and classifies each path.
 */
import path from 'node:path'
import type {
  CompareProgress,
  ComparisonRow,
  SideListing,
  SyncCompareMode,
} from '../../../shared/sync'
import type { Connection } from '../accounts'
import { toAppError } from '../error-mapper'
import { s3Call } from '../s3-call'
import { compareSides, groupTotals, hashesNeeded } from './compare'
import type { HashCache } from './hash-cache'
import type { FileHashes, Hasher } from './hash-worker'
import { scanLocal } from './local-scan'
import type { Manifest } from './manifest'
import { scanRemote } from './remote-scan'
import type { LocalEntry, RemoteEntry } from './side-entries'

export type CompareTarget = {
  readonly bucket: string
  readonly prefix: string
  readonly localPath: string
  readonly compare: SyncCompareMode
}

export type CompareDeps = {
  readonly connection: Connection
  readonly hasher: Hasher
  readonly cache: HashCache
  readonly manifest: Manifest | null
  readonly partSize: number
  readonly signal?: AbortSignal
  readonly progress?: (progress: Omit<CompareProgress, 'requestId'>) => void
}

export type CompareResult = {
  readonly rows: ComparisonRow[]
  readonly local: SideListing
  readonly remote: SideListing
  readonly localEntries: ReadonlyMap<string, LocalEntry>
  readonly remoteEntries: ReadonlyMap<string, RemoteEntry>
  readonly requests: number
  readonly hashed: { readonly files: number; readonly bytes: number; readonly fromCache: number }
  readonly groups: ReturnType<typeof groupTotals>
}

/** The absolute local path of a relative path (segments as they are: they were checked). */
export const localPathOf = (root: string, relative: string): string =>
  path.join(root, ...relative.replace(/\/$/, '').split('/'))

const listingOf = (entries: ReadonlyMap<string, LocalEntry | RemoteEntry>): SideListing => {
  let files = 0
  let folders = 0
  let bytes = 0
  for (const entry of entries.values()) {
    if (entry.kind === 'folder') folders += 1
    else {
      files += 1
      bytes += entry.size
    }
  }
  return { ok: true, files, folders, bytes, error: null }
}

export const runComparison = async (
  target: CompareTarget,
  deps: CompareDeps,
): Promise<CompareResult> => {
  const progress = deps.progress ?? (() => undefined)
  const local = await scanLocal(target.localPath, deps.signal, (files) =>
    progress({ phase: 'listing-local', files, bytesDone: 0, bytesTotal: 0 }),
  )
  const remote = await s3Call(deps.connection, { bucket: target.bucket }, () =>
    scanRemote(deps.connection, target.bucket, target.prefix, deps.signal, (files) =>
      progress({ phase: 'listing-remote', files, bytesDone: 0, bytesTotal: 0 }),
    ),
  ).catch((error: unknown) => {
    throw error instanceof Error ? error : new Error(toAppError(error).message)
  })
  const input = {
    local: local.entries,
    remote: remote.entries,
    skipped: [...local.skipped, ...remote.skipped],
    manifest: deps.manifest,
    mode: target.compare,
    partSize: deps.partSize,
  }
  const needs = hashesNeeded(input)
  const hashes = new Map<string, FileHashes>()
  let fromCache = 0
  let bytesTotal = 0
  const toHash: {
    path: string
    file: string
    size: number
    mtimeMs: number
    partSizes: readonly number[]
  }[] = []
  for (const need of needs) {
    const entry = local.entries.get(need.path)
    if (entry?.kind !== 'file') continue
    const file = localPathOf(target.localPath, need.path)
    const cached = deps.cache.get(file, entry.size, entry.mtimeMs, need.partSizes)
    if (cached) {
      hashes.set(need.path, cached)
      fromCache += 1
    } else {
      toHash.push({
        path: need.path,
        file,
        size: entry.size,
        mtimeMs: entry.mtimeMs,
        partSizes: need.partSizes,
      })
      bytesTotal += entry.size
    }
  }
  let bytesDone = 0
  let files = 0
  let lastReport = 0
  const report = (force = false) => {
    const now = Date.now()
    if (!force && now - lastReport < 200) return
    lastReport = now
    progress({ phase: 'hashing', files, bytesDone, bytesTotal })
  }
  // Two at a time keeps both hashing workers busy without opening thousands of files at once.
  let at = 0
  const worker = async (): Promise<void> => {
    while (at < toHash.length) {
      deps.signal?.throwIfAborted()
      const item = toHash[at] as (typeof toHash)[number]
      at += 1
      const found = await deps.hasher.hash(item.file, item.partSizes, (bytes) => {
        bytesDone += bytes
        report()
      })
      files += 1
      hashes.set(item.path, found)
      deps.cache.put(item.file, item.size, item.mtimeMs, found)
    }
  }
  await Promise.all([worker(), worker()])
  if (toHash.length > 0) report(true)
  await deps.cache.save().catch(() => undefined)
  const rows = compareSides(input, hashes)
  return {
    rows,
    local: listingOf(local.entries),
    remote: listingOf(remote.entries),
    localEntries: local.entries,
    remoteEntries: remote.entries,
    requests: remote.requests,
    hashed: { files: toHash.length, bytes: bytesTotal, fromCache },
    groups: groupTotals(rows),
  }
}
