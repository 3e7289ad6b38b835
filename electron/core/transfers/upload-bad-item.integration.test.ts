/**
 * Issue 11 §6: in an upload batch, a file whose key S3 cannot take (over 1,024 bytes) fails
 * alone, with its reason beside it; the clash check and the other files go on.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from '../testing/core-harness'
import { transferOf, waitForTransfers } from './transfer-testing.test-fixture'

let h: Harness
let work: string

beforeAll(async () => {
  h = await startHarness({ buckets: ['batch'], prefix: 'bad-item' })
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-bad-item-'))
})

afterAll(async () => {
  await h.stop()
  await rm(work, { recursive: true, force: true })
})

describe('an upload batch with one key S3 cannot take', () => {
  it('fails that file alone, with its reason, and uploads the rest', async () => {
    // Six folders of 100 "é" (200 bytes each: a file system allows 255 per name) go past 1,024.
    const folders = Array.from({ length: 6 }, () => 'é'.repeat(100))
    const longKey = `${folders.join('/')}/file.txt`
    await mkdir(path.join(work, ...folders), { recursive: true })
    // And 1,214 characters: once refused by the request's schema, failing the whole batch.
    const wide = Array.from({ length: 6 }, () => 'x'.repeat(200))
    const wideKey = `${wide.join('/')}/w.txt`
    await mkdir(path.join(work, ...wide), { recursive: true })
    await writeFile(path.join(work, ...wide, 'w.txt'), 'too wide')
    await writeFile(path.join(work, 'ok.txt'), 'fine')
    await writeFile(path.join(work, ...folders, 'file.txt'), 'too deep')
    const keys = ['up/ok.txt', `up/${longKey}`, `up/${wideKey}`]

    const conflicts = await h.call('transfers.conflicts', {
      accountId: h.accountId,
      bucket: 'batch',
      keys,
    })
    expect(conflicts).toEqual({ existing: [] })

    const batch = await h.call('transfers.upload', {
      accountId: h.accountId,
      bucket: 'batch',
      prefix: 'up/',
      files: [
        { source: { kind: 'path', path: path.join(work, 'ok.txt') }, relativeKey: 'ok.txt' },
        {
          source: { kind: 'path', path: path.join(work, ...folders, 'file.txt') },
          relativeKey: longKey,
        },
        { source: { kind: 'path', path: path.join(work, ...wide, 'w.txt') }, relativeKey: wideKey },
      ],
      folders: [],
      conflict: 'overwrite',
    })
    expect(batch).toMatchObject({ created: 3, skipped: [] })

    const list = await waitForTransfers(h.call)
    expect(transferOf(list, 'up/ok.txt')).toMatchObject({ state: 'done' })
    expect(transferOf(list, `up/${longKey}`)).toMatchObject({
      state: 'failed',
      name: 'file.txt',
      error: {
        code: 'INVALID_KEY',
        message: 'Its name in the bucket would be 1,217 bytes long; S3 allows at most 1,024.',
      },
    })
    expect(transferOf(list, `up/${wideKey}`)).toMatchObject({
      state: 'failed',
      error: {
        code: 'INVALID_KEY',
        message: 'Its name in the bucket would be 1,214 bytes long; S3 allows at most 1,024.',
      },
    })
    expect(list.totals.counts).toMatchObject({ done: 1, failed: 2 })
    expect((await h.listAll('batch', 'up/', { recursive: true })).keys).toEqual(['up/ok.txt'])
  })
})

describe('an upload batch with a file the page could not read to its end', () => {
  it('fails that file alone as changed, counts it, and uploads the rest', async () => {
    await writeFile(path.join(work, 'steady.txt'), 'steady')
    const problem = '"shrink.bin" changed or was removed while it was being read.'
    const batch = await h.call('transfers.upload', {
      accountId: h.accountId,
      bucket: 'batch',
      prefix: 'changed/',
      files: [
        {
          source: { kind: 'path', path: path.join(work, 'steady.txt') },
          relativeKey: 'steady.txt',
        },
        {
          source: { kind: 'unreadable', name: 'shrink.bin', size: 34_000_000, problem },
          relativeKey: 'shrink.bin',
        },
      ],
      folders: [],
      conflict: 'overwrite',
    })
    expect(batch).toMatchObject({ created: 2, skipped: [] })
    const list = await waitForTransfers(h.call)
    expect(transferOf(list, 'changed/steady.txt')).toMatchObject({ state: 'done' })
    expect(transferOf(list, 'changed/shrink.bin')).toMatchObject({
      state: 'failed',
      name: 'shrink.bin',
      error: { code: 'FILE_CHANGED', message: problem },
    })
    expect((await h.listAll('batch', 'changed/', { recursive: true })).keys).toEqual([
      'changed/steady.txt',
    ])
  })
})
