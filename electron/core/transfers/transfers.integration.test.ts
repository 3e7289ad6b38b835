/**
 * Issue 4's transfers through the DSS gateway emulator with faults on (5% 500s, 2% connection
 * resets, 100 RPS): a folder of 1,000 small files and one large file go up and come back down
 * byte for byte, never more than 100 requests in any second. DSS_TRANSFER_LARGE_BYTES sets the
 * large file's size (default 48 MiB, small enough for CI).
 */
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { maxRequestsInWindow } from '../../../e2e/testbed/request-log'
import { startTestBed, type TestBed } from '../../../e2e/testbed/test-bed'
import type { TransfersUpdate } from '../../../shared/transfers'
import { createCore, type Core } from '../core'
import {
  callerFor,
  md5Of,
  md5OfFile,
  MIB,
  saveAccount,
  waitForTransfers,
  writeRandomFile,
  type Caller,
  directClientOf,
} from './transfer-testing.test-fixture'

const LARGE_BYTES = Number(process.env.DSS_TRANSFER_LARGE_BYTES ?? 48 * MIB)
const SMALL_FILES = 1000

let bed: TestBed
let direct: S3Client
let core: Core
let call: Caller
let accountId: string
let work: string
const updates: { at: number; update: TransfersUpdate }[] = []
/** relative path → MD5 of every file sent. */
const sent = new Map<string, string>()

beforeAll(async () => {
  bed = await startTestBed({
    buckets: ['transfers'],
    rateLimit: 100,
    faults: { errorRate: 0.05, resetRate: 0.02 },
  })
  direct = directClientOf(bed)
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-transfers-'))
  core = createCore({
    dataDir: path.join(work, 'data'),
    info: { version: 'test', shell: 'web', platform: 'linux' },
    downloadsDir: path.join(work, 'downloads'),
    retry: { attempts: 8, baseDelayMs: 100, maxDelayMs: 2000 },
  })
  // The throttle keeps updates 200 ms apart by the monotonic clock: measured by the wall clock,
  // rounded to whole ms and stepped by time adjustments, two of them could look 199 ms apart.
  core.events.on('transfers.updated', (update) => updates.push({ at: performance.now(), update }))
  call = callerFor(core)
  accountId = await saveAccount(call, bed)
  const source = path.join(work, 'source', 'set')
  for (let index = 0; index < SMALL_FILES; index += 1) {
    const relative = `folder-${index % 10}/file-${index}.txt`
    const bytes = randomBytes(1 + ((index * 997) % 8192))
    await writeRandomFileBytes(path.join(source, relative), bytes)
    sent.set(relative, md5Of(bytes))
  }
  await writeFile(path.join(source, 'empty.txt'), '')
  sent.set('empty.txt', md5Of(new Uint8Array(0)))
  await writeRandomFile(path.join(source, 'large.bin'), LARGE_BYTES)
  sent.set('large.bin', await md5OfFile(path.join(source, 'large.bin')))
}, 120_000)

const writeRandomFileBytes = async (file: string, bytes: Uint8Array): Promise<void> => {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, bytes)
}

afterAll(async () => {
  await core?.dispose()
  direct?.destroy()
  await bed?.stop()
  await rm(work, { recursive: true, force: true })
})

const report = (label: string, values: Record<string, unknown>): void =>
  console.log(`[transfers] ${label} ${JSON.stringify(values)}`)

describe('transfers through the emulator with faults', () => {
  it('uploads 1,000 small files, an empty file and folder and a large file, then downloads them intact', async () => {
    const source = path.join(work, 'source')
    bed.emulator.clearLog()
    const upStarted = performance.now()
    const batch = await call('transfers.upload', {
      accountId,
      bucket: 'transfers',
      prefix: 'in/',
      files: [...sent.keys()].map((relative) => ({
        source: { kind: 'path' as const, path: path.join(source, 'set', relative) },
        relativeKey: `set/${relative}`,
      })),
      folders: ['set/empty-folder'],
      conflict: 'overwrite',
    })
    expect(batch.created).toBe(SMALL_FILES + 3)
    const uploaded = await waitForTransfers(call)
    const upSeconds = (performance.now() - upStarted) / 1000
    expect(uploaded.transfers.filter((transfer) => transfer.state !== 'done')).toEqual([])
    const upLog = bed.emulator.log()

    // The large file went multipart: every part with its own PUT, then one completion.
    const partPuts = upLog.filter((entry) => entry.method === 'PUT' && entry.query.partNumber)
    expect(new Set(partPuts.map((entry) => entry.query.partNumber)).size).toBe(
      Math.ceil(LARGE_BYTES / (16 * MIB)),
    )

    const downloads = path.join(work, 'downloads')
    bed.emulator.clearLog()
    const downStarted = performance.now()
    await call('transfers.clearFinished', {})
    await call('transfers.download', {
      accountId,
      bucket: 'transfers',
      keys: [],
      prefixes: ['in/set/'],
      destination: null,
    })
    const downloaded = await waitForTransfers(call)
    const downSeconds = (performance.now() - downStarted) / 1000
    expect(downloaded.transfers.filter((transfer) => transfer.state !== 'done')).toEqual([])
    const downLog = bed.emulator.log()

    for (const [relative, md5] of sent) {
      expect(await md5OfFile(path.join(downloads, 'set', relative)), relative).toBe(md5)
    }
    expect((await stat(path.join(downloads, 'set', 'empty-folder'))).isDirectory()).toBe(true)
    // Only finished files: no `.part` is left anywhere.
    const all = await readdir(downloads, { recursive: true })
    expect(all.filter((name) => name.endsWith('.part'))).toEqual([])

    // The large file's own pace: first part sent to completion answered, and its one GET.
    const parts = upLog.filter((entry) => entry.query.uploadId !== undefined)
    const upSpan =
      Math.max(...parts.map((entry) => entry.time + entry.durationMs)) -
      Math.min(...parts.map((entry) => entry.time))
    const largeGets = downLog.filter((entry) => entry.path.endsWith('/large.bin'))
    const downSpan =
      Math.max(...largeGets.map((entry) => entry.time + entry.durationMs)) -
      Math.min(...largeGets.map((entry) => entry.time))
    report('large file', {
      MiB: LARGE_BYTES / MIB,
      upMiBps: Math.round(LARGE_BYTES / MIB / (upSpan / 1000)),
      downMiBps: Math.round(LARGE_BYTES / MIB / (downSpan / 1000)),
      getRequests: largeGets.length,
    })

    for (const [label, log] of [
      ['upload', upLog],
      ['download', downLog],
    ] as const) {
      const slowDowns = log.filter((entry) => entry.status === 503).length
      report(label, {
        requests: log.length,
        maxPerSecond: maxRequestsInWindow(log),
        status503: slowDowns,
        injected500: log.filter((entry) => entry.fault === 'error').length,
        resets: log.filter((entry) => entry.fault === 'reset').length,
        seconds: Number((label === 'upload' ? upSeconds : downSeconds).toFixed(1)),
        largeMiB: LARGE_BYTES / MIB,
      })
      expect(maxRequestsInWindow(log)).toBeLessThanOrEqual(100)
      expect(slowDowns).toBeLessThan(log.length / 50)
    }

    // Progress went out at most five times in any second.
    expect(maxRequestsInWindow(updates.map(({ at }) => ({ time: at })))).toBeLessThanOrEqual(5)
    const last = updates.at(-1)?.update
    expect(last?.totals.counts.done).toBe(SMALL_FILES + 3)
  }, 150_000)

  it('answers conflicts from listings alone and settles clashes once per batch', async () => {
    bed.emulator.clearLog()
    const { existing } = await call('transfers.conflicts', {
      accountId,
      bucket: 'transfers',
      keys: ['in/set/empty.txt', 'in/set/folder-1/file-1.txt', 'in/set/new.txt', 'in/other.txt'],
    })
    expect(existing).toEqual(['in/set/empty.txt', 'in/set/folder-1/file-1.txt'])
    // One listing per folder; never a HEAD per key, never ListMultipartUploads.
    const log = bed.emulator.log()
    expect(log.every((entry) => entry.method === 'GET' && entry.query['list-type'] === '2')).toBe(
      true,
    )
    // (A reset can cut a 200 mid-body; the SDK then asks again, so count the whole answers.)
    expect(log.filter((entry) => entry.status === 200 && !entry.fault)).toHaveLength(3)

    const source = path.join(work, 'source', 'set')
    const again = (conflict: 'skip' | 'keep-both') =>
      call('transfers.upload', {
        accountId,
        bucket: 'transfers',
        prefix: 'in/set/',
        files: [
          {
            source: { kind: 'path', path: path.join(source, 'empty.txt') },
            relativeKey: 'empty.txt',
          },
        ],
        folders: [],
        conflict,
      })
    expect(await again('skip')).toMatchObject({ created: 0, skipped: ['in/set/empty.txt'] })
    expect(await again('keep-both')).toMatchObject({ created: 1, skipped: [] })
    const list = await waitForTransfers(call)
    expect(list.transfers.at(-1)).toMatchObject({ key: 'in/set/empty (1).txt', state: 'done' })
    const head = await direct.send(
      new HeadObjectCommand({ Bucket: 'transfers', Key: 'in/set/empty (1).txt' }),
    )
    expect(head).toMatchObject({ ContentLength: 0, ContentType: 'text/plain; charset=utf-8' })
  })
})
