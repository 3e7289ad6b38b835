import { describe, expect, it } from 'vitest'
import type { ComparisonRow, SideListing, SyncDirection } from '../../../shared/sync'
import { DELETED_LOCALLY, DELETED_REMOTELY } from './compare'
import { planSync, type PlanInput } from './plan'

const MiB = 1024 ** 2
const side = (files: number, ok = true): SideListing => ({
  ok,
  files,
  folders: 0,
  bytes: 0,
  error: null,
})

const row = (path: string, over: Partial<ComparisonRow>): ComparisonRow => ({
  path,
  kind: 'file',
  group: 'identical',
  change: null,
  local: { size: 10, mtimeMs: 0 },
  remote: { size: 10, lastModified: null, etag: null },
  reason: 'why',
  ...over,
})

/** One row of every kind a one-way plan meets. */
const rows: ComparisonRow[] = [
  row('same.txt', {}),
  row('new-here.txt', { group: 'local-only', remote: null }),
  row('new-there.txt', { group: 'remote-only', local: null }),
  row('edited-here.txt', { group: 'changed', change: 'local-newer' }),
  row('edited-there.txt', { group: 'changed', change: 'remote-newer' }),
  row('empty/', { kind: 'folder', group: 'local-only', local: null, remote: null }),
]

const plan = (direction: SyncDirection, over: Partial<PlanInput> = {}) =>
  planSync({
    rows,
    direction,
    manifest: false,
    local: side(100),
    remote: side(100),
    maxDeletes: 1000,
    maxDeleteShare: 0.5,
    rate: 100,
    multipartThreshold: 16 * MiB,
    partSize: 16 * MiB,
    ...over,
  })

const kinds = (result: ReturnType<typeof plan>) =>
  Object.fromEntries(result.actions.map((action) => [action.path, action.kind]))

describe('one-way plans', () => {
  it('upload sends new and locally changed files and never puts an older file over a newer one', () => {
    expect(kinds(plan('upload'))).toEqual({
      'new-here.txt': 'upload',
      'edited-here.txt': 'replace-remote',
      'empty/': 'create-remote-folder',
    })
  })

  it('mirror-up also deletes what only the bucket has and makes changed files equal', () => {
    expect(kinds(plan('mirror-up'))).toEqual({
      'new-here.txt': 'upload',
      'new-there.txt': 'delete-remote',
      'edited-here.txt': 'replace-remote',
      'edited-there.txt': 'replace-remote',
      'empty/': 'create-remote-folder',
    })
  })

  it('download and mirror-down are the same the other way', () => {
    expect(kinds(plan('download'))).toEqual({
      'new-there.txt': 'download',
      'edited-there.txt': 'replace-local',
    })
    expect(kinds(plan('mirror-down'))).toEqual({
      'new-here.txt': 'delete-local',
      'new-there.txt': 'download',
      'edited-here.txt': 'replace-local',
      'edited-there.txt': 'replace-local',
      'empty/': 'delete-local',
    })
  })

  it('counts files, bytes, requests and seconds at the account rate', () => {
    const big = row('big.bin', {
      group: 'local-only',
      local: { size: 40 * MiB, mtimeMs: 0 },
      remote: null,
    })
    const result = plan('upload', { rows: [...rows, big], rate: 2 })
    expect(result.totals.uploads).toEqual({ files: 2, bytes: 10 + 40 * MiB })
    expect(result.totals.replaces).toEqual({ files: 1, bytes: 10 })
    expect(result.totals.folders).toBe(1)
    // 1 listing + 2 single PUTs + (3 parts + create + complete) + 1 folder marker.
    expect(result.requests).toBe(1 + 2 + 5 + 1)
    expect(result.seconds).toBe(Math.ceil(9 / 2))
  })
})

describe('guards', () => {
  it('leaves every delete out when the source listing came back empty, and says so', () => {
    const result = plan('mirror-up', { local: side(0) })
    expect(result.actions.some((action) => action.kind === 'delete-remote')).toBe(false)
    expect(result.guards).toEqual([
      expect.objectContaining({ kind: 'deletes-withheld', withheld: 1 }),
    ])
    expect(result.needsConfirmation).toBe(false)
  })

  it('leaves every delete out when a listing failed', () => {
    const result = plan('mirror-down', { remote: side(50, false) })
    expect(result.totals.deletes.files).toBe(0)
    expect(result.guards[0]).toMatchObject({ kind: 'deletes-withheld', withheld: 2 })
  })

  it('stops and asks above the share of the target (50 % by default) or the count', () => {
    expect(plan('mirror-up', { remote: side(3) }).needsConfirmation).toBe(false)
    const share = plan('mirror-up', { remote: side(1) })
    expect(share.needsConfirmation).toBe(true)
    expect(share.guards).toEqual([
      expect.objectContaining({ kind: 'too-many-deletes', deletes: 1, targetFiles: 1 }),
    ])
    expect(plan('mirror-up', { maxDeletes: 0 }).needsConfirmation).toBe(true)
    expect(plan('upload', { remote: side(1), maxDeletes: 0 }).needsConfirmation).toBe(false)
  })
})

describe('names this computer cannot hold', () => {
  it('are not downloaded under a changed name: left out, and said so', () => {
    const odd = row('what?.txt', { group: 'remote-only', local: null })
    const result = plan('download', { rows: [...rows, odd] })
    expect(result.actions.map((action) => action.path)).not.toContain('what?.txt')
    expect(result.guards).toEqual([
      expect.objectContaining({ kind: 'names-skipped', paths: ['what?.txt'] }),
    ])
    // Uploading such a name is fine: S3 keys take any character.
    const here = row('what?.txt', { group: 'local-only', remote: null })
    expect(kinds(plan('upload', { rows: [here] }))).toEqual({ 'what?.txt': 'upload' })
  })
})

describe('two-way plans', () => {
  const twoWayRows: ComparisonRow[] = [
    row('edited-here.txt', { group: 'changed', change: 'local-newer' }),
    row('edited-there.txt', { group: 'changed', change: 'remote-newer' }),
    row('both.txt', { group: 'conflict', change: 'differs' }),
    row('both (1).txt', { group: 'identical' }),
    row('gone-here.txt', { group: 'remote-only', local: null, reason: DELETED_LOCALLY }),
    row('gone-there.txt', { group: 'local-only', remote: null, reason: DELETED_REMOTELY }),
    row('new-here.txt', { group: 'local-only', remote: null }),
    row('new-there.txt', { group: 'remote-only', local: null }),
  ]

  it('sends each side its changes and deletes, and keeps a conflict as both under a free name', () => {
    const result = plan('two-way', { rows: twoWayRows, manifest: true })
    expect(kinds(result)).toEqual({
      'edited-here.txt': 'replace-remote',
      'edited-there.txt': 'replace-local',
      'both.txt': 'keep-both',
      'gone-here.txt': 'delete-remote',
      'gone-there.txt': 'delete-local',
      'new-here.txt': 'upload',
      'new-there.txt': 'download',
    })
    const conflict = result.actions.find((action) => action.kind === 'keep-both')
    expect(conflict?.newPath).toBe('both (2).txt')
    expect(result.totals.keptBoth.files).toBe(1)
  })

  it('without a manifest overwrites nothing: differing files are kept as both', () => {
    const result = plan('two-way', { rows: twoWayRows.slice(0, 2), manifest: false })
    expect(result.actions.map((action) => action.kind)).toEqual(['keep-both', 'keep-both'])
  })
})
