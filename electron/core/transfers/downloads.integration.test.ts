/**
 * Downloads through the DSS gateway emulator: a `.part` continued with Range after a failure and
 * a restart, a changed object started over, odd keys mapped to safe local names, and a full disk
 * that fails clearly without leaving a final file.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createS3TestClient } from '../../../e2e/testbed/s3-test-client'
import { startTestBed, type TestBed } from '../../../e2e/testbed/test-bed'
import { createCore, type Core } from '../core'
import {
  callerFor,
  md5Of,
  md5OfFile,
  MIB,
  saveAccount,
  transferOf,
  waitForTransfers,
  type Caller,
} from './transfer-testing.test-fixture'

let bed: TestBed
let direct: S3Client
let work: string
let dataDir: string
let accountId: string
let core: Core | null = null
let call: Caller

const startCore = (): void => {
  core = createCore({
    dataDir,
    info: { version: 'test', shell: 'web', platform: 'linux' },
    transferRetry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
  })
  call = callerFor(core)
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
  bed = await startTestBed({ buckets: ['down'] })
  direct = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-downloads-'))
  dataDir = path.join(work, 'data')
  startCore()
  accountId = await saveAccount(call, bed)
})

afterAll(async () => {
  await core?.dispose()
  direct.destroy()
  await bed.stop()
  await rm(work, { recursive: true, force: true })
})

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
    // The ranged request found another ETag (s3rver ignores If-Match; S3 answers 412), and the
    // whole new version came next.
    const requests = gets()
    expect(requests).toHaveLength(2)
    expect(requests[0]?.status).toBe(206)
    expect(requests[1]).toMatchObject({ status: 200, bytesOut: after.length })
    expect(await md5OfFile(path.join(dest, 'change.bin'))).toBe(md5Of(after))
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
