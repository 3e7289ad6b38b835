/**
 * Downloads through the DSS gateway emulator: a `.part` continued with Range after a failure and
 * a restart, a changed object started over, odd keys mapped to safe local names, and a full disk
 * that fails clearly without leaving a final file.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { Core } from '../core'
import {
  md5Of,
  md5OfFile,
  MIB,
  saveAccount,
  transferOf,
  waitForTransfers,
  type Caller,
  startTransferCore,
  openTransferBed,
  closeTransferBed,
} from './transfer-testing.test-fixture'

let bed: TestBed
let direct: S3Client
let work: string
let dataDir: string
let accountId: string
let core: Core | null = null
let call: Caller

const startCore = (): void => {
  ;({ core, call } = startTransferCore(dataDir))
}

const put = (key: string, body: Uint8Array | string) =>
  direct.send(new PutObjectCommand({ Bucket: 'down', Key: key, Body: body }))

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  )

const download = (keys: string[], destination: string, prefixes: string[] = []) =>
  call('transfers.download', { accountId, bucket: 'down', keys, prefixes, destination })

const gets = () => bed.emulator.log().filter((entry) => entry.method === 'GET')

beforeAll(async () => {
  ;({ bed, direct, work, dataDir } = await openTransferBed('down', 'downloads'))
  startCore()
  accountId = await saveAccount(call, bed)
})

afterAll(() => closeTransferBed({ core, direct, bed, work }))

describe('downloads', () => {
  it('continues a .part with one Range request after failures and a restart', async () => {
    const body = randomBytes(3 * MIB)
    await put('big.bin', body)
    const dest = path.join(work, 'resume')
    bed.emulator.clearLog()
    // Every response is cut after its first 64 KiB: each attempt keeps what arrived.
    bed.emulator.setFaults({ resetRate: 1 })
    await download(['big.bin'], dest)
    const failed = transferOf(await waitForTransfers(call), 'big.bin')
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'CONNECTION_RESET' } })
    bed.emulator.setFaults({})
    const part = (await lstat(path.join(dest, 'big.bin.part'))).size
    expect(part).toBeGreaterThan(0)
    expect(part).toBeLessThan(body.length)
    expect(await exists(path.join(dest, 'big.bin'))).toBe(false)
    // Three attempts: the first from zero, then each from where the last one was cut.
    expect(gets().map((entry) => entry.bytesOut)).toEqual([65536, 65536, 65536])

    await core?.dispose()
    startCore()
    const restored = transferOf(await call('transfers.list', {}), 'big.bin')
    expect(restored).toMatchObject({ state: 'paused', bytesDone: part, bytesTotal: body.length })
    bed.emulator.clearLog()
    await call('transfers.resume', { id: restored.id })
    expect(transferOf(await waitForTransfers(call), 'big.bin').state).toBe('done')
    // One request, for exactly the bytes that were missing.
    expect(gets().map((entry) => [entry.status, entry.bytesOut])).toEqual([
      [206, body.length - part],
    ])
    expect(await md5OfFile(path.join(dest, 'big.bin'))).toBe(md5Of(body))
    expect(await exists(path.join(dest, 'big.bin.part'))).toBe(false)
  })

  it('starts over from zero when the object changed since the .part was written', async () => {
    const before = randomBytes(2 * MIB)
    const after = randomBytes(2 * MIB)
    await put('change.bin', before)
    const dest = path.join(work, 'change')
    bed.emulator.setFaults({ resetRate: 1 })
    await download(['change.bin'], dest)
    const failed = transferOf(await waitForTransfers(call), 'change.bin')
    expect(failed.state).toBe('failed')
    bed.emulator.setFaults({})
    await put('change.bin', after)
    bed.emulator.clearLog()
    await call('transfers.retry', { id: failed.id })
    const done = transferOf(await waitForTransfers(call), 'change.bin')
    expect(done).toMatchObject({ state: 'done', note: expect.stringMatching(/changed/) })
    // The ranged request for the rest of the old version was refused (If-Match: 412), and the
    // whole new version came next.
    const requests = gets()
    expect(requests).toHaveLength(2)
    expect(requests[0]?.status).toBe(412)
    expect(requests[1]).toMatchObject({ status: 206, bytesOut: after.length })
    expect(await md5OfFile(path.join(dest, 'change.bin'))).toBe(md5Of(after))
  })

  describe('large objects in parallel ranges', () => {
    // 5 MiB ranges (the smallest part size setting) over a 33 MiB object: 7 ranges.
    const RANGE = 5 * MIB
    const SIZE = 33 * MIB
    const ranges = () => gets().filter((entry) => entry.range !== undefined)
    const startOf = (range: string | undefined) => Number(/bytes=(\d+)-/.exec(range ?? '')?.[1])
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let tries = 0; tries < 500 && !(await check()); tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    }

    beforeAll(async () => {
      await call('transfers.settings', { partSize: RANGE })
    })
    afterAll(async () => {
      await call('transfers.settings', { partSize: 16 * MIB, partsInFlight: 6 })
    })

    it('come back intact through 500s and resets, ranges in flight together', async () => {
      const body = randomBytes(SIZE)
      await put('ranged.bin', body)
      const dest = path.join(work, 'ranged')
      bed.emulator.clearLog()
      bed.emulator.setFaults({ errorRate: 0.1, resetRate: 0.1 })
      try {
        await download(['ranged.bin'], dest)
        expect(transferOf(await waitForTransfers(call), 'ranged.bin')).toMatchObject({
          state: 'done',
          bytesDone: SIZE,
        })
      } finally {
        bed.emulator.setFaults({})
      }
      // Single-part ETag: the file was checked against its MD5 too.
      expect(await md5OfFile(path.join(dest, 'ranged.bin'))).toBe(md5Of(body))
      const log = ranges()
      expect(log.every((entry) => entry.status !== 200)).toBe(true)
      // What the server sent, as byte intervals: answers that completed never overlap (nothing
      // arrived twice), and with the bytes of answers cut short they cover the whole object.
      const interval = (entry: (typeof log)[number]) =>
        [startOf(entry.range), startOf(entry.range) + entry.bytesOut] as const
      const complete = log
        .filter((entry) => entry.status === 206 && entry.fault === undefined)
        .map(interval)
        .sort((x, y) => x[0] - y[0])
      complete.forEach(([start], at) => {
        if (at > 0) expect(start).toBeGreaterThanOrEqual((complete[at - 1] as [number, number])[1])
      })
      const cut = log.filter((entry) => entry.fault === 'reset').map(interval)
      const covered = [...complete, ...cut].sort((x, y) => x[0] - y[0])
      let reach = 0
      for (const [start, end] of covered) {
        expect(start).toBeLessThanOrEqual(reach)
        reach = Math.max(reach, end)
      }
      expect(reach).toBe(SIZE)
      // Several ranges were in flight at once.
      const overlapping = log.some((a) =>
        log.some((b) => a !== b && b.time >= a.time && b.time < a.time + a.durationMs),
      )
      expect(overlapping).toBe(true)
    })

    it('after a restart fetch only the ranges that had not arrived', async () => {
      const body = randomBytes(SIZE)
      await put('ranged-resume.bin', body)
      const dest = path.join(work, 'ranged-resume')
      // One range at a time, slowly, so the quit lands in the middle.
      await call('transfers.settings', { partsInFlight: 1 })
      bed.emulator.setFaults({ latencyMs: 150 })
      await download(['ranged-resume.bin'], dest)
      await waitFor(async () => {
        const list = await call('transfers.list', {})
        return transferOf(list, 'ranged-resume.bin').bytesDone >= 3 * RANGE
      })
      await core?.dispose()
      bed.emulator.setFaults({})
      const journal = JSON.parse(await readFile(path.join(dataDir, 'transfers.json'), 'utf8')) as {
        transfers: { key: string; chunks?: [number, number][] }[]
      }
      const runs = journal.transfers.find((entry) => entry.key === 'ranged-resume.bin')?.chunks
      const finished = new Set(
        (runs ?? []).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)),
      )
      expect(finished.size).toBeGreaterThanOrEqual(3)
      expect(finished.size).toBeLessThan(7)

      startCore()
      const restored = transferOf(await call('transfers.list', {}), 'ranged-resume.bin')
      expect(restored).toMatchObject({ state: 'paused', bytesDone: finished.size * RANGE })
      bed.emulator.clearLog()
      await call('transfers.resume', { id: restored.id })
      expect(transferOf(await waitForTransfers(call), 'ranged-resume.bin').state).toBe('done')
      const asked = ranges().map((entry) => Math.floor(startOf(entry.range) / RANGE))
      expect(asked.length).toBe(7 - finished.size)
      expect(asked.filter((chunk) => finished.has(chunk))).toEqual([])
      expect(await md5OfFile(path.join(dest, 'ranged-resume.bin'))).toBe(md5Of(body))
      await call('transfers.settings', { partsInFlight: 6 })
    })

    it('start over when the object is replaced in the middle', async () => {
      const before = randomBytes(SIZE)
      const after = randomBytes(SIZE)
      await put('ranged-change.bin', before)
      const dest = path.join(work, 'ranged-change')
      await call('transfers.settings', { partsInFlight: 1 })
      bed.emulator.setFaults({ latencyMs: 150 })
      try {
        await download(['ranged-change.bin'], dest)
        await waitFor(async () => {
          const list = await call('transfers.list', {})
          return transferOf(list, 'ranged-change.bin').bytesDone >= 2 * RANGE
        })
        await put('ranged-change.bin', after)
        bed.emulator.setFaults({})
        const done = transferOf(await waitForTransfers(call), 'ranged-change.bin')
        expect(done).toMatchObject({ state: 'done', note: expect.stringMatching(/changed/) })
      } finally {
        bed.emulator.setFaults({})
        await call('transfers.settings', { partsInFlight: 6 })
      }
      expect(await md5OfFile(path.join(dest, 'ranged-change.bin'))).toBe(md5Of(after))
    })
  })

  it('fetches an empty object picked by key (a Range on it is refused with 416)', async () => {
    await put('empty.txt', new Uint8Array(0))
    const dest = path.join(work, 'empty')
    bed.emulator.clearLog()
    await download(['empty.txt'], dest)
    expect(transferOf(await waitForTransfers(call), 'empty.txt').state).toBe('done')
    expect((await lstat(path.join(dest, 'empty.txt'))).size).toBe(0)
    expect(gets().map((entry) => entry.status)).toEqual([416, 200])
  })

  it('maps odd keys to safe local names inside the folder, never replacing a file', async () => {
    const keys = [
      'odd/CON',
      'odd/nul.txt',
      'odd/a:b*?.txt',
      'odd/back\\slash.txt',
      'odd/trailing. ',
      'odd/ctl\u0001.txt',
      'odd/..',
      'odd/...',
      'odd/x.txt',
      'odd/x.txt/inner.txt',
      'odd/empty/',
    ]
    for (const key of keys) await put(key, key.endsWith('/') ? new Uint8Array(0) : key)
    const dest = path.join(work, 'odd-keys')
    await mkdir(path.join(dest, 'odd'), { recursive: true })
    await writeFile(path.join(dest, 'odd', '_nul.txt'), 'mine')
    await download([], dest, ['odd/'])
    const list = await waitForTransfers(call)
    expect(list.transfers.filter((transfer) => transfer.state === 'failed')).toEqual([])

    const files = new Map<string, string>()
    for (const entry of await readdir(dest, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const full = path.join(entry.parentPath, entry.name)
      files.set(path.relative(dest, full), await readFile(full, 'utf8'))
    }
    const byContent = new Map([...files].map(([file, content]) => [content, file]))
    expect(byContent.get('mine')).toBe('odd/_nul.txt')
    expect(byContent.get('odd/nul.txt')).toBe('odd/_nul (1).txt')
    expect(byContent.get('odd/CON')).toBe('odd/_CON')
    expect(byContent.get('odd/a:b*?.txt')).toBe('odd/a_b__.txt')
    expect(byContent.get('odd/back\\slash.txt')).toBe('odd/back_slash.txt')
    expect(byContent.get('odd/trailing. ')).toBe('odd/trailing__')
    expect(byContent.get('odd/ctl\u0001.txt')).toBe('odd/ctl_.txt')
    expect(byContent.get('odd/..')).toBe('odd/__')
    expect(byContent.get('odd/...')).toBe('odd/___')
    // A key that is both a file and a folder: one of them gets " (1)", neither is lost.
    expect([
      ['odd/x.txt', 'odd/x (1).txt/inner.txt'],
      ['odd/x (1).txt', 'odd/x.txt/inner.txt'],
    ]).toContainEqual([byContent.get('odd/x.txt'), byContent.get('odd/x.txt/inner.txt')])
    expect((await lstat(path.join(dest, 'odd', 'empty'))).isDirectory()).toBe(true)
    expect([...files.keys()].every((file) => !file.startsWith('..'))).toBe(true)
  })

  it('fails a full disk with DISK_FULL, leaving only the .part', async () => {
    const body = randomBytes(3 * MIB)
    await put('huge.bin', body)
    const dest = path.join(work, 'full')
    await mkdir(dest, { recursive: true })
    // A 1 MiB tmpfs is a real full disk; without the right to mount one, /dev/full (every
    // write fails with ENOSPC) stands in for the `.part`, put there before the bytes arrive.
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dest]).status === 0
    try {
      if (!mounted) bed.emulator.setFaults({ latencyMs: 1500 })
      await download(['huge.bin'], dest)
      if (!mounted) await symlink('/dev/full', path.join(dest, 'huge.bin.part'))
      const failed = transferOf(await waitForTransfers(call), 'huge.bin')
      console.log(`[downloads] full disk via ${mounted ? 'a 1 MiB tmpfs' : '/dev/full'}`)
      expect(failed).toMatchObject({
        state: 'failed',
        error: {
          code: 'DISK_FULL',
          message: expect.stringMatching(/disk is full.*huge\.bin\.part/),
        },
      })
      expect(await exists(path.join(dest, 'huge.bin'))).toBe(false)
      expect(await exists(path.join(dest, 'huge.bin.part'))).toBe(true)
      expect(await readdir(dest)).toEqual(['huge.bin.part'])
    } finally {
      bed.emulator.setFaults({})
      if (mounted) spawnSync('umount', ['-l', dest])
    }
  })
})
