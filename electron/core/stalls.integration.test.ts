/**
 * Servers that stall: one on loopback that accepts connections and never answers, and the test
 * bed's emulator holding requests (no answer) or answers (headers, then no body). Test connection,
 * listings, uploads and downloads each end with TIMEOUT and a message naming the server, within
 * short limits set for the test; a stalled part is cut and sent again. The test's own timeout is
 * the bound on the wait: nothing here measures time.
 */
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from './testing/core-harness'
import { startUnacceptingListener, type UnacceptingListener } from './testing/unaccepting-listener'
import {
  transferOf,
  uploadFile,
  waitForTransfers,
  writeRandomFile,
  MIB,
} from './transfers/transfer-testing.test-fixture'
import { PutObjectCommand } from '@aws-sdk/client-s3'

/** Short, so each stall ends soon; long enough for a loaded machine's TLS handshakes. */
const LIMITS = { connectMs: 3000, firstByteMs: 1500, idleMs: 1500 }
const RETRY = { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 }

let h: Harness
/** Accepts every connection, reads nothing, answers nothing. */
let silent: net.Server
let silentPort: number
const held = new Set<net.Socket>()
/** Never completes a connect. */
let unaccepting: UnacceptingListener

beforeAll(async () => {
  h = await startHarness({
    buckets: ['stall'],
    prefix: 'stall',
    core: { requestLimits: LIMITS, retry: RETRY },
  })
  silent = net.createServer((socket) => {
    held.add(socket)
    socket.once('close', () => held.delete(socket))
  })
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  silentPort = (silent.address() as net.AddressInfo).port
  unaccepting = await startUnacceptingListener()
  await h.call('transfers.settings', { partSize: 5 * MIB, multipartThreshold: 5 * MIB })
})

afterAll(async () => {
  for (const socket of held) socket.destroy()
  await new Promise((resolve) => silent.close(resolve))
  await unaccepting.stop()
  await h.stop()
})

const draftFor = (endpoint: string) =>
  h.draft({ endpoint, caFile: endpoint === h.bed.endpoint ? h.bed.caFile : null })

/** The emulator's log entries of one key (or of the bucket listing, key ''). */
const entriesOf = (method: string, key: string) =>
  h.bed.emulator
    .log()
    .filter(
      (entry) => entry.method === method && entry.path === (key ? `/stall/${key}` : '/stall/'),
    )

describe('Test connection', () => {
  it.each(['https', 'http'])(
    'to a %s server that accepts and never answers ends with TIMEOUT naming it',
    async (scheme) => {
      const error = await h.failureOf('accounts.test', {
        draft: draftFor(`${scheme}://127.0.0.1:${silentPort}`),
      })
      expect(error).toEqual({
        code: 'TIMEOUT',
        message: `127.0.0.1:${silentPort} accepted the connection but sent no answer within 1.5 seconds. Check the endpoint and your network, then try again.`,
      })
    },
  )

  it.each(['https', 'http'])(
    'to a %s server whose connect never completes ends with TIMEOUT naming it',
    async (scheme) => {
      const error = await h.failureOf('accounts.test', {
        draft: draftFor(`${scheme}://127.0.0.1:${unaccepting.port}`),
      })
      expect(error).toEqual({
        code: 'TIMEOUT',
        message: `Could not connect to 127.0.0.1:${unaccepting.port} within 3 seconds. Check the endpoint and your network, then try again.`,
      })
    },
  )

  it('to a server that sends headers and never the body ends with TIMEOUT', async () => {
    h.bed.emulator.setFaults({ stall: { mode: 'body' } })
    try {
      const error = await h.failureOf('accounts.test', { draft: draftFor(h.bed.endpoint) })
      expect(error.code).toBe('TIMEOUT')
      expect(error.message).toMatch(
        /^127\.0\.0\.1:\d+ stopped answering: nothing arrived for 1\.5 seconds\./,
      )
    } finally {
      h.bed.emulator.setFaults({})
    }
  })
})

describe('listings', () => {
  it.each(['answer', 'body'] as const)(
    'a stalled %s ends with TIMEOUT, after at most the timeouts the budget allows',
    async (mode) => {
      h.bed.emulator.setFaults({ stall: { mode, methods: ['GET'] } })
      h.bed.emulator.clearLog()
      try {
        const error = await h.failureOf('objects.list', {
          accountId: h.accountId,
          bucket: 'stall',
          prefix: '',
        })
        expect(error.code).toBe('TIMEOUT')
        expect(error.message).toMatch(/^127\.0\.0\.1:\d+ /)
        // Cut and asked once more (a stall twice in a row is a stalled server), never more. The
        // emulator logs a request it never answered when its connection closes: soon after.
        await expect.poll(() => entriesOf('GET', '')).toHaveLength(2)
      } finally {
        h.bed.emulator.setFaults({})
      }
    },
  )
})

describe('transfers', () => {
  it('an upload whose PUT is never answered fails with TIMEOUT', async () => {
    const file = path.join(h.dataDir, 'stalled.bin')
    await writeRandomFile(file, 64 * 1024)
    h.bed.emulator.setFaults({ stall: { mode: 'answer', methods: ['PUT'] } })
    h.bed.emulator.clearLog()
    try {
      await uploadFile(h.call, h.accountId, 'stall', file, 'stalled.bin')
      const failed = transferOf(await waitForTransfers(h.call), 'stalled.bin')
      expect(failed.state).toBe('failed')
      expect(failed.error?.code).toBe('TIMEOUT')
      expect(failed.error?.message).toMatch(/^127\.0\.0\.1:\d+ stopped answering/)
      await expect.poll(() => entriesOf('PUT', 'stalled.bin')).toHaveLength(2)
    } finally {
      h.bed.emulator.setFaults({})
    }
  })

  it('a part that stalls is cut and sent again, and the upload completes', async () => {
    const file = path.join(h.dataDir, 'parts.bin')
    await writeRandomFile(file, 12 * MIB)
    h.bed.emulator.clearLog()
    // The first part request that arrives stalls; the faults are gone for everything after it.
    h.bed.emulator.setFaults({ stall: { mode: 'answer', methods: ['PUT'] } })
    const stop = h.bed.emulator.onArrival((request) => {
      if (request.method !== 'PUT' || !request.query.partNumber) return
      stop()
      // After this request has drawn its fault (right after this listener returns).
      queueMicrotask(() => h.bed.emulator.setFaults({}))
    })
    try {
      await uploadFile(h.call, h.accountId, 'stall', file, 'parts.bin')
      const done = transferOf(await waitForTransfers(h.call), 'parts.bin')
      expect(done).toMatchObject({ state: 'done', error: null })
      const parts = entriesOf('PUT', 'parts.bin')
      const stalled = parts.filter((entry) => entry.fault === 'stall')
      expect(stalled).toHaveLength(1)
      const again = parts.filter(
        (entry) => entry.status === 200 && entry.query.partNumber === stalled[0]?.query.partNumber,
      )
      expect(again).toHaveLength(1)
    } finally {
      stop()
      h.bed.emulator.setFaults({})
    }
  })

  it('a download whose body stalls fails with TIMEOUT', async () => {
    await h.direct.send(
      new PutObjectCommand({ Bucket: 'stall', Key: 'slow.txt', Body: 'x'.repeat(4096) }),
    )
    h.bed.emulator.setFaults({ stall: { mode: 'body', methods: ['GET'] } })
    try {
      await h.call('transfers.download', {
        accountId: h.accountId,
        bucket: 'stall',
        keys: ['slow.txt'],
        destination: path.join(h.dataDir, 'downloads'),
      })
      const failed = transferOf(await waitForTransfers(h.call), 'slow.txt')
      expect(failed.state).toBe('failed')
      expect(failed.error?.code).toBe('TIMEOUT')
      expect(failed.error?.message).toMatch(/^127\.0\.0\.1:\d+ stopped answering/)
    } finally {
      h.bed.emulator.setFaults({})
    }
  })
})
