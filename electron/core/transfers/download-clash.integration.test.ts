/**
 * Issue 11 §1 for downloads: a file already where a download would go is kept and the download
 * saved beside it as "name (1)" (the default), skipped, or replaced — only when the user chose.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from '../testing/core-harness'
import { waitForTransfers } from './transfer-testing.test-fixture'

let h: Harness
let work: string

beforeAll(async () => {
  h = await startHarness({ buckets: ['down-clash'], prefix: 'down-clash' })
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-down-clash-'))
  await h.direct.send(
    new PutObjectCommand({ Bucket: 'down-clash', Key: 'd/hello.txt', Body: 'from the bucket' }),
  )
})

afterAll(async () => {
  await h.stop()
  await rm(work, { recursive: true, force: true })
})

const download = (destination: string, conflict?: 'keep-both' | 'skip' | 'overwrite') =>
  h.call('transfers.download', {
    accountId: h.accountId,
    bucket: 'down-clash',
    keys: ['d/hello.txt'],
    prefixes: [],
    destination,
    ...(conflict ? { conflict } : {}),
  })

describe('downloading onto a local file that exists', () => {
  it('skips it when asked to, leaving the local file as it was', async () => {
    const folder = path.join(work, 'skip')
    await mkdir(folder)
    await writeFile(path.join(folder, 'hello.txt'), 'mine')
    expect(await download(folder, 'skip')).toMatchObject({ created: 0, skipped: ['d/hello.txt'] })
    await waitForTransfers(h.call)
    expect(await readdir(folder)).toEqual(['hello.txt'])
    expect(await readFile(path.join(folder, 'hello.txt'), 'utf8')).toBe('mine')
  })

  it('keeps both by default: the download is saved as "hello (1).txt"', async () => {
    const folder = path.join(work, 'both')
    await mkdir(folder)
    await writeFile(path.join(folder, 'hello.txt'), 'mine')
    expect(await download(folder)).toMatchObject({ created: 1, skipped: [] })
    const list = await waitForTransfers(h.call)
    expect(list.totals.counts.failed).toBe(0)
    expect((await readdir(folder)).sort()).toEqual(['hello (1).txt', 'hello.txt'])
    expect(await readFile(path.join(folder, 'hello.txt'), 'utf8')).toBe('mine')
    expect(await readFile(path.join(folder, 'hello (1).txt'), 'utf8')).toBe('from the bucket')
  })

  it('replaces it when asked to: the download takes its name, and nothing is left beside it', async () => {
    const folder = path.join(work, 'replace')
    await mkdir(folder)
    await writeFile(path.join(folder, 'hello.txt'), 'mine, and longer than the download')
    expect(await download(folder, 'overwrite')).toMatchObject({ created: 1, skipped: [] })
    const list = await waitForTransfers(h.call)
    expect(list.totals.counts.failed).toBe(0)
    expect(await readdir(folder)).toEqual(['hello.txt'])
    expect(await readFile(path.join(folder, 'hello.txt'), 'utf8')).toBe('from the bucket')
  })

  it('replaces a file it downloaded itself earlier in the session', async () => {
    const folder = path.join(work, 'replace-again')
    await mkdir(folder)
    await download(folder, 'overwrite')
    await waitForTransfers(h.call)
    await writeFile(path.join(folder, 'hello.txt'), 'edited here')
    await download(folder, 'overwrite')
    const list = await waitForTransfers(h.call)
    expect(list.totals.counts.failed).toBe(0)
    expect(await readdir(folder)).toEqual(['hello.txt'])
    expect(await readFile(path.join(folder, 'hello.txt'), 'utf8')).toBe('from the bucket')
  })

  it('still keeps a folder of that name: replacing means files only', async () => {
    const folder = path.join(work, 'replace-folder')
    await mkdir(path.join(folder, 'hello.txt'), { recursive: true })
    await download(folder, 'overwrite')
    const list = await waitForTransfers(h.call)
    expect(list.totals.counts.failed).toBe(0)
    expect((await readdir(folder)).sort()).toEqual(['hello (1).txt', 'hello.txt'])
    expect(await readFile(path.join(folder, 'hello (1).txt'), 'utf8')).toBe('from the bucket')
  })
})
