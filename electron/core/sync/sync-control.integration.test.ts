/**
 * A sync run is a job like any other: paused, it sends nothing more until resumed, then finishes
 * every file; cancelled, it stops, deletes nothing and says so in its summary; and when one of
 * its transfers fails, it makes no delete.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { SyncRunSnapshot } from '../../../shared/sync'
import type { Core } from '../core'
import {
  closeTransferBed,
  openTransferBed,
  quiet,
  saveAccount,
  startTransferCore,
  until,
  type Caller,
} from '../transfers/transfer-testing.test-fixture'

const BUCKET = 'sync-control'
const FILES = 30

let bed: TestBed
let direct: S3Client
let core: Core
let call: Caller
let work: string
let accountId: string

beforeAll(async () => {
  ;({ bed, direct, work } = await openTransferBed(BUCKET, 'sync-control'))
  ;({ core, call } = startTransferCore(path.join(work, 'data')))
  // 10 requests a second: a run of 30 files takes long enough to pause and cancel.
  accountId = await saveAccount(call, bed, 10)
}, 120_000)

afterAll(() => closeTransferBed({ core, direct, bed, work }))

const folderOf = async (name: string): Promise<string> => {
  const folder = path.join(work, name)
  await mkdir(folder, { recursive: true })
  for (let i = 0; i < FILES; i += 1)
    await writeFile(path.join(folder, `f-${i}.txt`), `${name} ${i}`)
  return folder
}

const puts = () => bed.emulator.log().filter((entry) => entry.method === 'PUT').length

const startRun = async (name: string): Promise<SyncRunSnapshot> => {
  const localPath = await folderOf(name)
  // Only in the bucket: the mirror deletes it, once every transfer has succeeded.
  await direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${name}/extra.txt`, Body: 'x' }))
  const pair = await call('sync.pairs.save', {
    draft: {
      name,
      accountId,
      bucket: BUCKET,
      prefix: `${name}/`,
      localPath,
      direction: 'mirror-up',
    },
  })
  const comparison = await call('sync.compare', { pair: { pairId: pair.id } })
  const plan = await call('sync.preview', { comparisonId: comparison.comparisonId })
  bed.emulator.clearLog()
  // 1 of the bucket's 1 file: over the share, so it is confirmed.
  expect(plan.needsConfirmation).toBe(true)
  return call('sync.run', { planId: plan.planId, confirmDeletes: true })
}

it('pauses and resumes a run', async () => {
  const run = await startRun('paused')
  await until(async () => (puts() >= 3 ? true : null))
  await call('sync.pause', { runId: run.runId })
  expect((await call('sync.runs', {})).find((r) => r.runId === run.runId)?.state).toBe('paused')
  await quiet(() => bed.emulator.log())
  const whilePaused = puts()
  expect(whilePaused).toBeLessThan(FILES)
  await quiet(() => bed.emulator.log())
  expect(puts()).toBe(whilePaused)
  await call('sync.resume', { runId: run.runId })
  const summary = await core.sync.finished(run.runId)
  expect(summary).toMatchObject({ outcome: 'done', uploaded: FILES, deleted: 1, failed: 0 })
}, 120_000)

it('cancels a run: it stops, and says so', async () => {
  const run = await startRun('cancelled')
  await until(async () => (puts() >= 3 ? true : null))
  await call('sync.cancel', { runId: run.runId })
  const summary = await core.sync.finished(run.runId)
  expect(summary.outcome).toBe('cancelled')
  expect(summary.message).toMatch(/^Cancelled/)
  await quiet(() => bed.emulator.log())
  const afterCancel = puts()
  expect(afterCancel).toBeLessThan(FILES)
  expect(
    bed.emulator.log().filter((entry) => entry.method === 'POST' && 'delete' in entry.query),
  ).toEqual([])
  const pairs = await call('sync.pairs.list', {})
  expect(pairs.find((pair) => pair.name === 'cancelled')?.lastRun?.outcome).toBe('cancelled')
}, 120_000)

it('makes no delete when a transfer of the run failed', async () => {
  const localPath = await folderOf('failing')
  await direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'failing/extra.txt', Body: 'x' }))
  const pair = await call('sync.pairs.save', {
    draft: {
      name: 'failing',
      accountId,
      bucket: BUCKET,
      prefix: 'failing/',
      localPath,
      direction: 'mirror-up',
    },
  })
  const comparison = await call('sync.compare', { pair: { pairId: pair.id } })
  const plan = await call('sync.preview', { comparisonId: comparison.comparisonId })
  // Gone between the preview and the run: its upload fails.
  await rm(path.join(localPath, 'f-0.txt'))
  bed.emulator.clearLog()
  const run = await call('sync.run', { planId: plan.planId, confirmDeletes: true })
  const summary = await core.sync.finished(run.runId)
  expect(summary).toMatchObject({ outcome: 'failed', uploaded: FILES - 1, failed: 1, deleted: 0 })
  expect(summary.message).toMatch(/deletes were not made/)
  expect(bed.emulator.log().filter((entry) => 'delete' in entry.query)).toEqual([])
  const extra = await direct.send(
    new HeadObjectCommand({ Bucket: BUCKET, Key: 'failing/extra.txt' }),
  )
  expect(extra.ContentLength).toBe(1)
}, 120_000)
