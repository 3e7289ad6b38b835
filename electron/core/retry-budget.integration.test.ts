/**
 * One retry layer: a request that always fails with 500 reaches the server at most `attempts`
 * times, whoever sends it (a listing, a single PUT, a part, a download) — never attempts × the
 * SDK's own attempts, and every attempt is in the account's request log (so it passed the
 * governor).
 */
import path from 'node:path'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from './testing/core-harness'
import {
  MIB,
  transferOf,
  uploadFile,
  waitForTransfers,
  writeRandomFile,
} from './transfers/transfer-testing.test-fixture'

const ATTEMPTS = 3

let h: Harness

beforeAll(async () => {
  h = await startHarness({
    buckets: ['budget'],
    prefix: 'budget',
    core: { retry: { attempts: ATTEMPTS, baseDelayMs: 10, maxDelayMs: 50 } },
  })
  await h.call('transfers.settings', {
    partSize: 5 * MIB,
    multipartThreshold: 5 * MIB,
    partsInFlight: 1,
  })
})

afterAll(() => h.stop())

/** Emulator log entries for one key of the bucket ('' for the bucket itself). */
const requestsFor = (key: string) =>
  h.bed.emulator.log().filter((entry) => entry.path === (key ? `/budget/${key}` : '/budget/'))

/** What the core's request log (every attempt through the governor) holds for a key. */
const governedFor = async (key: string) =>
  (await h.call('requests.log', { accountId: h.accountId })).filter(
    (entry) => entry.bucket === 'budget' && entry.key === key && entry.status === 500,
  )

const failing = async <T>(run: () => Promise<T>): Promise<T> => {
  h.bed.emulator.clearLog()
  h.bed.emulator.setFaults({ errorRate: 1 })
  try {
    return await run()
  } finally {
    h.bed.emulator.setFaults({})
  }
}

describe('a request that always fails with 500', () => {
  it('a listing is sent at most the budget', async () => {
    const error = await failing(() =>
      h.failureOf('objects.list', { accountId: h.accountId, bucket: 'budget', prefix: '' }),
    )
    expect(error.code).toBe('SERVER_ERROR')
    expect(requestsFor('').map((entry) => entry.status)).toEqual(Array(ATTEMPTS).fill(500))
  })

  it('a single PUT is sent at most the budget', async () => {
    const file = path.join(h.dataDir, 'small.bin')
    await writeRandomFile(file, 64 * 1024)
    const failed = await failing(async () => {
      await uploadFile(h.call, h.accountId, 'budget', file, 'small.bin')
      return transferOf(await waitForTransfers(h.call), 'small.bin')
    })
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'SERVER_ERROR' } })
    const puts = requestsFor('small.bin').filter((entry) => entry.method === 'PUT')
    expect(puts.map((entry) => entry.status)).toEqual(Array(ATTEMPTS).fill(500))
    expect(await governedFor('small.bin')).toHaveLength(ATTEMPTS)
  })

  it('a part is sent at most the budget', async () => {
    const file = path.join(h.dataDir, 'parts.bin')
    await writeRandomFile(file, 11 * MIB)
    h.bed.emulator.clearLog()
    // The upload is created; from its first part on, everything fails.
    const stop = h.bed.emulator.onArrival((request) => {
      if (request.method !== 'PUT' || !request.query.partNumber) return
      stop()
      h.bed.emulator.setFaults({ errorRate: 1 })
    })
    try {
      await uploadFile(h.call, h.accountId, 'budget', file, 'parts.bin')
      const failed = transferOf(await waitForTransfers(h.call), 'parts.bin')
      expect(failed).toMatchObject({ state: 'failed', error: { code: 'SERVER_ERROR' } })
    } finally {
      stop()
      h.bed.emulator.setFaults({})
    }
    const parts = requestsFor('parts.bin').filter((entry) => entry.query.partNumber === '1')
    expect(parts.map((entry) => entry.status)).toEqual(Array(ATTEMPTS).fill(500))
    // One part in flight: no other part was sent after the first one failed.
    expect(requestsFor('parts.bin').filter((entry) => entry.query.partNumber === '2')).toEqual([])
  })

  it('a download is fetched at most the budget', async () => {
    await h.direct.send(new PutObjectCommand({ Bucket: 'budget', Key: 'get.txt', Body: 'hello' }))
    const failed = await failing(async () => {
      await h.call('transfers.download', {
        accountId: h.accountId,
        bucket: 'budget',
        keys: ['get.txt'],
        destination: path.join(h.dataDir, 'downloads'),
      })
      return transferOf(await waitForTransfers(h.call), 'get.txt')
    })
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'SERVER_ERROR' } })
    const gets = requestsFor('get.txt').filter((entry) => entry.method === 'GET')
    expect(gets.map((entry) => entry.status)).toEqual(Array(ATTEMPTS).fill(500))
  })
})
