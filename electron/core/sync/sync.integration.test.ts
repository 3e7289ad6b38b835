/**
 * Issue 12's Done-when on the test bed (RGW behind the emulator at 100 RPS), with a tree of
 * nested folders, unicode and odd names, an empty folder, 0-byte and 40 MiB files
 * (SYNC_TREE_FILES files, a few hundred by default): a first sync uploads it all; a re-sync with
 * no change sends only listing requests; a change set is previewed and carried out exactly, both
 * sides then equal byte for byte (and for `rclone check`), the conflict kept as both; a mirror
 * whose source is empty deletes nothing; one over the delete limit stops and asks.
 */
import { mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { awscli, rclone, removePeerHomes } from '../../../bench/lib/peers'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { SyncPairDraft, SyncPlan } from '../../../shared/sync'
import type { Connection } from '../accounts'
import type { Core } from '../core'
import {
  closeTransferBed,
  connectionTo,
  openTransferBed,
  saveAccount,
  startTransferCore,
  type Caller,
} from '../transfers/transfer-testing.test-fixture'
import { localState, makeTree, remoteState, sorted, treeFiles } from './sync-tree.test-fixture'

const BUCKET = 'sync-bed'
const PREFIX = 'tree/'

let bed: TestBed
let direct: S3Client
let connection: Connection
let core: Core
let call: Caller
let accountId: string
let work: string
let local: string
let files: string[]
let pairId: string

beforeAll(async () => {
  ;({ bed, direct, work } = await openTransferBed(BUCKET, 'sync'))
  ;({ core, call } = startTransferCore(path.join(work, 'data')))
  connection = connectionTo(bed)
  accountId = await saveAccount(call, bed)
  local = path.join(work, 'local')
  files = await makeTree(local)
}, 600_000)

// The peers' config folders (rclone's holds the test bed's keys) go too.
afterAll(async () => {
  await removePeerHomes()
  await closeTransferBed({ core, direct, connection, bed, work })
}, 300_000)

const draft = (over: Partial<SyncPairDraft>): SyncPairDraft => ({
  name: 'Tree',
  accountId,
  bucket: BUCKET,
  prefix: PREFIX,
  localPath: local,
  direction: 'two-way',
  ...over,
})

const compareAndPreview = async (pair: { pairId: string } | { draft: SyncPairDraft }) => {
  const comparison = await call('sync.compare', { pair })
  const plan = await call('sync.preview', { comparisonId: comparison.comparisonId })
  return { comparison, plan }
}

const runToEnd = async (plan: SyncPlan, confirmDeletes = false) => {
  const started = await call('sync.run', { planId: plan.planId, confirmDeletes })
  return core.sync.finished(started.runId)
}

/** Compare, preview and run, timed, with the requests the emulator saw (for the closing note). */
const timedSync = async (what: string) => {
  bed.emulator.clearLog()
  const began = performance.now()
  const { comparison, plan } = await compareAndPreview({ pairId })
  const summary = await runToEnd(plan)
  const seconds = (performance.now() - began) / 1000
  const sent = bed.emulator.log()
  console.log(
    `[sync figures] ${what}, ${files.length.toLocaleString('en')} files: ${seconds.toFixed(1)} s, ${sent.length} requests (${sent.filter((e) => e.query['list-type'] === '2').length} listings), ${comparison.hashed.files} files hashed`,
  )
  return { comparison, plan, summary, sent }
}

const kindsOf = (plan: SyncPlan) =>
  plan.actions.map((action) => `${action.kind} ${action.path}`).sort()

const expectSidesEqual = async () => {
  const here = await localState(local)
  const there = await remoteState(direct, connection, BUCKET, PREFIX)
  expect(sorted(there)).toEqual(sorted(here))
  return here
}

describe('a two-way pair on the test bed', () => {
  it('first sync uploads the whole tree, folders and odd names included', async () => {
    pairId = (await call('sync.pairs.save', { draft: draft({}) })).id
    const { comparison, plan, summary } = await timedSync('first sync')
    expect(comparison.groups['local-only']).toEqual({
      count: files.length + 1,
      bytes: comparison.local.bytes,
    })
    expect(comparison.remote).toMatchObject({ ok: true, files: 0 })
    expect(plan.totals.uploads.files).toBe(files.length)
    expect(plan.totals.folders).toBe(1)
    expect(plan.needsConfirmation).toBe(false)
    expect(summary).toMatchObject({ outcome: 'done', uploaded: files.length + 1, failed: 0 })
    const state = await expectSidesEqual()
    expect(state.size).toBe(files.length + 1)
    const pairs = await call('sync.pairs.list', {})
    expect(pairs.find((pair) => pair.id === pairId)?.lastRun?.runId).toBe(summary.runId)
  }, 600_000)

  it('a re-sync with no change sends only listing requests, one per 1,000 keys', async () => {
    const { comparison, plan, summary, sent } = await timedSync('no-change re-sync')
    expect(comparison.groups.identical.count).toBe(files.length + 1)
    expect(comparison.hashed.files).toBe(0)
    expect(plan.actions).toEqual([])
    expect(summary).toMatchObject({ outcome: 'done', uploaded: 0, downloaded: 0, deleted: 0 })
    expect(sent.every((entry) => entry.method === 'GET' && entry.query['list-type'] === '2')).toBe(
      true,
    )
    expect(sent).toHaveLength(Math.ceil((files.length + 1) / 1000))
  }, 600_000)

  it('carries out a change set exactly as previewed, the conflict kept as both', async () => {
    const file = (relative: string) => path.join(local, ...relative.split('/'))
    const later = new Date(Date.now() + 60_000)
    const small = files.filter((relative) => relative.startsWith('nested/'))
    const [edit1, edit2, edit3, gone1, gone2, both] = small as [string, ...string[]]
    // Three changed here, the third to new bytes of the same size (only its MD5 tells).
    await writeFile(file(edit1 as string), 'changed here, longer than before? maybe')
    await writeFile(file(edit2 as string), 'x')
    const { size } = await stat(file(edit3 as string))
    await writeFile(file(edit3 as string), Buffer.alloc(size, 0x5a))
    for (const edited of [edit1, edit2, edit3]) await utimes(file(edited as string), later, later)
    // Two deleted here.
    await rm(file(gone1 as string))
    await rm(file(gone2 as string))
    // One added in the bucket with awscli, and one changed on both sides.
    const aws = await awscli(bed)
    const added = path.join(work, 'added.txt')
    await writeFile(added, 'added in the bucket by awscli')
    await aws(['s3', 'cp', added, `s3://${BUCKET}/${PREFIX}from-awscli/added.txt`])
    const theirs = path.join(work, 'theirs.txt')
    await writeFile(theirs, 'their version, written in the bucket')
    await aws(['s3', 'cp', theirs, `s3://${BUCKET}/${PREFIX}${both}`])
    await writeFile(file(both as string), 'our version, written here')
    await utimes(file(both as string), later, later)

    const phases = new Set<string>()
    const stop = core.events.on('sync.compareProgress', (progress) => phases.add(progress.phase))
    const { comparison, plan } = await compareAndPreview({ pairId })
    stop()
    // Only the file whose size stayed the same needed its content read (in the worker).
    expect(comparison.hashed.files).toBeGreaterThanOrEqual(1)
    expect(comparison.hashed.files).toBeLessThanOrEqual(3)
    expect(phases.has('hashing')).toBe(true)
    expect(comparison.groups.changed.count).toBe(3)
    expect(comparison.groups['remote-only'].count).toBe(3)
    expect(comparison.groups.conflict.count).toBe(1)
    expect(comparison.groups['local-only'].count).toBe(0)
    const conflictCopy = (both as string).replace(/\.txt$/, ' (1).txt')
    expect(kindsOf(plan)).toEqual(
      [
        `replace-remote ${edit1}`,
        `replace-remote ${edit2}`,
        `replace-remote ${edit3}`,
        `delete-remote ${gone1}`,
        `delete-remote ${gone2}`,
        'download from-awscli/added.txt',
        `keep-both ${both}`,
      ].sort(),
    )
    expect(plan.actions.find((action) => action.kind === 'keep-both')?.newPath).toBe(conflictCopy)

    bed.emulator.clearLog()
    const summary = await runToEnd(plan)
    expect(summary).toMatchObject({
      outcome: 'done',
      uploaded: 4,
      downloaded: 2,
      deleted: 2,
      keptBoth: 1,
      failed: 0,
    })
    const writes = bed.emulator
      .log()
      .filter(
        (entry) => entry.method === 'PUT' || entry.method === 'POST' || entry.method === 'DELETE',
      )
      .map((entry) => `${entry.method} ${entry.path.slice(`/${BUCKET}/${PREFIX}`.length)}`)
    // Replaced three, our version over the conflict and a copy of theirs beside it (server side),
    // two deleted in one DeleteObjects: nothing else written.
    expect(writes.filter((write) => write.startsWith('PUT')).sort()).toEqual(
      [`PUT ${edit1}`, `PUT ${edit2}`, `PUT ${edit3}`, `PUT ${both}`, `PUT ${conflictCopy}`].sort(),
    )
    expect(writes.filter((write) => write.startsWith('POST')).length).toBe(1)

    const state = await expectSidesEqual()
    expect(state.has(gone1 as string)).toBe(false)
    expect(state.get('from-awscli/added.txt')).toBeDefined()
    const { createHash } = await import('node:crypto')
    const md5 = (text: string) => createHash('md5').update(text).digest('hex')
    expect(state.get(both as string)).toBe(md5('our version, written here'))
    expect(state.get(conflictCopy)).toBe(md5('their version, written in the bucket'))
    const rc = await rclone(bed)
    // rclone check: sizes and MD5s of every file on both sides (empty folders are not files).
    await rc(['check', local, `bed:${BUCKET}/${PREFIX}`])

    // And the next compare finds them all in step.
    const again = await compareAndPreview({ pairId })
    expect(again.plan.actions).toEqual([])
  }, 600_000)
})

describe('a mirror-down pair', () => {
  it('downloads the tree, then replaces a file changed in the bucket and trashes one only here', async () => {
    const copy = path.join(work, 'copy')
    await mkdir(copy, { recursive: true })
    const mirror = draft({ name: 'Copy', localPath: copy, direction: 'mirror-down' })
    const id = (await call('sync.pairs.save', { draft: mirror })).id
    const first = await compareAndPreview({ pairId: id })
    // Names this computer cannot hold unchanged are skipped, each with its reason.
    const { groups } = first.comparison
    expect(groups.skipped.count).toBeGreaterThan(0)
    expect(first.plan.totals.downloads.files + groups.skipped.count).toBe(
      first.comparison.remote.files,
    )
    expect(await runToEnd(first.plan)).toMatchObject({ outcome: 'done', failed: 0 })

    const target = files.find((relative) => relative.startsWith('nested/')) as string
    const aws = await awscli(bed)
    const changed = path.join(work, 'changed-in-bucket.txt')
    await writeFile(changed, 'a new version, written in the bucket')
    await aws(['s3', 'cp', changed, `s3://${BUCKET}/${PREFIX}${target}`])
    await writeFile(path.join(copy, 'only-here.txt'), 'not in the bucket')
    const second = await compareAndPreview({ pairId: id })
    expect(kindsOf(second.plan)).toEqual([`delete-local only-here.txt`, `replace-local ${target}`])
    expect(await runToEnd(second.plan)).toMatchObject({
      outcome: 'done',
      downloaded: 1,
      deleted: 1,
    })
    const here = await localState(copy)
    expect(here.has('only-here.txt')).toBe(false)
    const { createHash } = await import('node:crypto')
    expect(here.get(target)).toBe(
      createHash('md5').update('a new version, written in the bucket').digest('hex'),
    )
    // The deleted file went to the trash in the data folder, not away.
    const trash = await localState(path.join(work, 'data', 'sync-trash'))
    expect([...trash.keys()].some((name) => name.endsWith('/only-here.txt'))).toBe(true)
  }, 600_000)
})

describe('guards', () => {
  it('a mirror whose source listing comes back empty deletes nothing', async () => {
    const empty = path.join(work, 'empty-source')
    await mkdir(empty, { recursive: true })
    const before = (await remoteState(direct, connection, BUCKET, PREFIX)).size
    const { comparison, plan } = await compareAndPreview({
      draft: draft({ name: 'Empty mirror', localPath: empty, direction: 'mirror-up' }),
    })
    // Names this computer cannot hold unchanged are never synced (nor deleted) either way.
    expect(comparison.groups['remote-only'].count + comparison.groups.skipped.count).toBe(before)
    expect(plan.actions).toEqual([])
    expect(plan.guards).toEqual([
      expect.objectContaining({
        kind: 'deletes-withheld',
        withheld: comparison.groups['remote-only'].count,
      }),
    ])
    const summary = await runToEnd(plan)
    expect(summary).toMatchObject({ outcome: 'done', deleted: 0 })
    expect((await remoteState(direct, connection, BUCKET, PREFIX)).size).toBe(before)
  }, 600_000)

  it('a mirror that would delete over the limit stops and asks, and deletes nothing', async () => {
    const few = path.join(work, 'few')
    await mkdir(few, { recursive: true })
    await writeFile(path.join(few, 'only.txt'), 'the only file')
    const before = (await remoteState(direct, connection, BUCKET, PREFIX)).size
    const { comparison, plan } = await compareAndPreview({
      draft: draft({ name: 'Small mirror', localPath: few, direction: 'mirror-up' }),
    })
    expect(plan.needsConfirmation).toBe(true)
    expect(plan.totals.deletes.files).toBe(comparison.groups['remote-only'].count)
    expect(plan.totals.deletes.files).toBeGreaterThan(before / 2)
    expect(plan.guards).toEqual([expect.objectContaining({ kind: 'too-many-deletes' })])
    bed.emulator.clearLog()
    await expect(call('sync.run', { planId: plan.planId })).rejects.toMatchObject({
      code: 'NEEDS_CONFIRMATION',
    })
    expect(bed.emulator.log()).toEqual([])
    expect((await remoteState(direct, connection, BUCKET, PREFIX)).size).toBe(before)
  }, 600_000)
})

it('counts the tree as asked (SYNC_TREE_FILES)', () => {
  expect(files.length).toBe(treeFiles())
})
