import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ComparisonRow } from '../../../shared/sync'
import { multipartEtag } from '../transfers/part-plan'
import { compareSides, groupTotals, hashesNeeded, type CompareInput } from './compare'
import type { FileHashes } from './hash-worker'
import type { ManifestEntry } from './manifest'
import type { LocalEntry, RemoteEntry } from './side-entries'

const MiB = 1024 ** 2
const md5 = (text: string) => createHash('md5').update(text).digest('hex')
const T0 = Date.parse('2026-12-01T10:00:00Z')

const localFile = (size: number, mtimeMs = T0): LocalEntry => ({ kind: 'file', size, mtimeMs })
const remoteFile = (size: number, etag: string | null, at = T0 + 60_000): RemoteEntry => ({
  kind: 'file',
  size,
  etag: etag === null ? null : `"${etag}"`,
  lastModified: new Date(at).toISOString(),
})
const agreed = (size: number, mtimeMs: number, etag: string): ManifestEntry => ({
  local: { size, mtimeMs },
  remote: { size, etag: `"${etag}"` },
})

const input = (over: Partial<CompareInput>): CompareInput => ({
  local: new Map(),
  remote: new Map(),
  skipped: [],
  manifest: null,
  mode: 'size-time',
  partSize: 16 * MiB,
  ...over,
})

const only = (rows: readonly ComparisonRow[], path: string): ComparisonRow => {
  const found = rows.filter((row) => row.path === path)
  expect(found).toHaveLength(1)
  return found[0] as ComparisonRow
}

const hashed = (path: string, text: string, etags: Record<string, string> = {}) =>
  new Map<string, FileHashes>([[path, { md5: md5(text), etags }]])

describe('compare without a manifest (a first compare)', () => {
  it('asks for a hash only where sizes are equal and the ETag can be checked', () => {
    const compared = input({
      local: new Map([
        ['same-size.txt', localFile(5)],
        ['other-size.txt', localFile(6)],
        ['opaque.bin', localFile(5)],
        ['only-here.txt', localFile(1)],
      ]),
      remote: new Map([
        ['same-size.txt', remoteFile(5, md5('hello'))],
        ['other-size.txt', remoteFile(5, md5('hello'))],
        ['opaque.bin', remoteFile(5, 'not-an-md5')],
        ['only-there.txt', remoteFile(1, md5('x'))],
      ]),
    })
    expect(hashesNeeded(compared)).toEqual([{ path: 'same-size.txt', partSizes: [] }])
  })

  it('calls equal content identical and different content changed, newer side by time', () => {
    const compared = input({
      local: new Map([['a.txt', localFile(5, T0 + 120_000)]]),
      remote: new Map([['a.txt', remoteFile(5, md5('hello'))]]),
    })
    const same = only(compareSides(compared, hashed('a.txt', 'hello')), 'a.txt')
    expect(same).toMatchObject({ group: 'identical', change: null })
    expect(same.reason).toMatch(/same content/i)
    const differs = only(compareSides(compared, hashed('a.txt', 'world')), 'a.txt')
    expect(differs).toMatchObject({ group: 'changed', change: 'local-newer' })
    expect(differs.reason).toMatch(/different content/i)
  })

  it('calls a size difference changed, the bucket newer when its copy was written later', () => {
    const rows = compareSides(
      input({
        local: new Map([['a.txt', localFile(10, T0)]]),
        remote: new Map([['a.txt', remoteFile(12, md5('x'), T0 + 1000)]]),
      }),
      new Map(),
    )
    expect(only(rows, 'a.txt')).toMatchObject({ group: 'changed', change: 'remote-newer' })
    expect(only(rows, 'a.txt').reason).toContain('10 bytes here, 12 in the bucket')
  })

  it('recomputes a multipart ETag from our part size (40 MiB in 16 MiB parts)', () => {
    const size = 40 * MiB
    const etag = multipartEtag([md5('p1'), md5('p2'), md5('p3')])
    const compared = input({
      local: new Map([['big.bin', localFile(size)]]),
      remote: new Map([['big.bin', remoteFile(size, etag)]]),
    })
    const needs = hashesNeeded(compared)
    expect(needs).toHaveLength(1)
    expect(needs[0]?.partSizes).toContain(16 * MiB)
    // 40 MiB in 5 MiB parts would be 8 parts: not a candidate for a 3-part ETag.
    expect(needs[0]?.partSizes).not.toContain(5 * MiB)
    const good = new Map([['big.bin', { md5: md5('whole'), etags: { [16 * MiB]: etag } }]])
    expect(only(compareSides(compared, good), 'big.bin').group).toBe('identical')
    const bad = new Map([
      ['big.bin', { md5: md5('whole'), etags: { [16 * MiB]: `${md5('other')}-3` } }],
    ])
    expect(only(compareSides(compared, bad), 'big.bin').group).toBe('changed')
  })

  it('trusts equal sizes when the ETag cannot be checked, unless in checksum mode', () => {
    const sides = {
      local: new Map([['e.bin', localFile(5)]]),
      remote: new Map([['e.bin', remoteFile(5, 'kms-encrypted-etag')]]),
    }
    expect(only(compareSides(input(sides), new Map()), 'e.bin').group).toBe('identical')
    const strict = only(compareSides(input({ ...sides, mode: 'checksum' }), new Map()), 'e.bin')
    expect(strict).toMatchObject({ group: 'changed', change: 'differs' })
  })

  it('puts one-sided files and empty folders in their groups, and counts bytes per group', () => {
    const rows = compareSides(
      input({
        local: new Map<string, LocalEntry>([
          ['here.txt', localFile(3)],
          ['empty/', { kind: 'folder' }],
          ['both-empty/', { kind: 'folder' }],
        ]),
        remote: new Map<string, RemoteEntry>([
          ['there.txt', remoteFile(7, md5('x'))],
          ['both-empty/', { kind: 'folder' }],
        ]),
      }),
      new Map(),
    )
    expect(only(rows, 'here.txt')).toMatchObject({
      group: 'local-only',
      reason: 'Only in the local folder.',
    })
    expect(only(rows, 'there.txt')).toMatchObject({
      group: 'remote-only',
      reason: 'Only in the bucket.',
    })
    expect(only(rows, 'empty/')).toMatchObject({ group: 'local-only', kind: 'folder' })
    expect(only(rows, 'both-empty/')).toMatchObject({ group: 'identical', kind: 'folder' })
    const totals = groupTotals(rows)
    expect(totals['local-only']).toEqual({ count: 2, bytes: 3 })
    expect(totals['remote-only']).toEqual({ count: 1, bytes: 7 })
    expect(totals.identical).toEqual({ count: 1, bytes: 0 })
  })

  it('skips bucket-only keys that cannot be a local name unchanged, and what the scans skipped', () => {
    const rows = compareSides(
      input({
        remote: new Map([
          ['../escape.txt', remoteFile(1, md5('x'))],
          ['dir/con.txt', remoteFile(1, md5('x'))],
          ['fine ünï (1) #+%.txt', remoteFile(1, md5('x'))],
        ]),
        skipped: [{ path: 'link', reason: 'A symbolic link: links are not followed.' }],
      }),
      new Map(),
    )
    expect(only(rows, '../escape.txt').group).toBe('skipped')
    expect(only(rows, 'dir/con.txt').group).toBe('skipped')
    expect(only(rows, 'fine ünï (1) #+%.txt').group).toBe('remote-only')
    expect(only(rows, 'link')).toMatchObject({
      group: 'skipped',
      reason: expect.stringMatching(/symbolic link/),
    })
  })
})

describe('compare with a manifest (the last agreed state)', () => {
  const etag = md5('v1')
  const manifest = new Map([
    ['same.txt', agreed(2, T0, etag)],
    ['local-edit.txt', agreed(2, T0, etag)],
    ['remote-edit.txt', agreed(2, T0, etag)],
    ['both-edit.txt', agreed(2, T0, etag)],
    ['touched.txt', agreed(2, T0, etag)],
    ['gone-here.txt', agreed(2, T0, etag)],
    ['gone-there.txt', agreed(2, T0, etag)],
  ])
  const compared = input({
    manifest,
    local: new Map([
      ['same.txt', localFile(2, T0)],
      ['local-edit.txt', localFile(3, T0 + 5000)],
      ['remote-edit.txt', localFile(2, T0)],
      ['both-edit.txt', localFile(4, T0 + 5000)],
      ['touched.txt', localFile(2, T0 + 9000)],
      ['gone-there.txt', localFile(2, T0)],
    ]),
    remote: new Map([
      ['same.txt', remoteFile(2, etag)],
      ['local-edit.txt', remoteFile(2, etag)],
      ['remote-edit.txt', remoteFile(2, md5('v2'))],
      ['both-edit.txt', remoteFile(5, md5('v3'))],
      ['touched.txt', remoteFile(2, etag)],
      ['gone-here.txt', remoteFile(2, etag)],
    ]),
  })

  it('hashes nothing that the manifest settles, only a file whose time alone changed', () => {
    expect(hashesNeeded(compared).map((need) => need.path)).toEqual([
      'remote-edit.txt',
      'touched.txt',
    ])
  })

  it('tells which side changed, a conflict when both did, and deletes since the last sync', () => {
    const rows = compareSides(compared, hashed('touched.txt', 'v1'))
    expect(only(rows, 'same.txt').group).toBe('identical')
    expect(only(rows, 'local-edit.txt')).toMatchObject({ group: 'changed', change: 'local-newer' })
    expect(only(rows, 'remote-edit.txt')).toMatchObject({
      group: 'changed',
      change: 'remote-newer',
    })
    expect(only(rows, 'both-edit.txt')).toMatchObject({ group: 'conflict' })
    expect(only(rows, 'touched.txt').group).toBe('identical')
    expect(only(rows, 'touched.txt').reason).toMatch(/same content/)
    expect(only(rows, 'gone-here.txt')).toMatchObject({
      group: 'remote-only',
      reason: 'Deleted here since the last sync.',
    })
    expect(only(rows, 'gone-there.txt')).toMatchObject({
      group: 'local-only',
      reason: 'Deleted in the bucket since the last sync.',
    })
  })

  it('in checksum mode confirms an unchanged file by content and finds a same-size, same-time edit', () => {
    const strict = input({
      manifest,
      mode: 'checksum',
      local: new Map([['same.txt', localFile(2, T0)]]),
      remote: new Map([['same.txt', remoteFile(2, etag)]]),
    })
    expect(hashesNeeded(strict).map((need) => need.path)).toEqual(['same.txt'])
    expect(only(compareSides(strict, hashed('same.txt', 'v1')), 'same.txt').group).toBe('identical')
    expect(only(compareSides(strict, hashed('same.txt', 'xx')), 'same.txt')).toMatchObject({
      group: 'changed',
      change: 'differs',
    })
  })
})
