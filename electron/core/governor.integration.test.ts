/** The request governor against the DSS gateway emulator's real 100 RPS limit. */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maxRequestsInWindow } from '../../e2e/testbed/request-log'
import { startTestBed, type TestBed } from '../../e2e/testbed/test-bed'
import type { RequestStats } from '../../shared/requests'
import { createCore, type Core } from './core'

let bed: TestBed
let core: Core
let dataDir: string
const stats: RequestStats[] = []

const saveAccount = async (rateLimit: number): Promise<string> => {
  const result = await core.dispatch(
    'accounts.save',
    {
      draft: {
        name: `at ${rateLimit}`,
        kind: 'custom',
        endpoint: bed.endpoint,
        accessKeyId: bed.accessKeyId,
        secretAccessKey: bed.secretAccessKey,
        caFile: bed.caFile,
        rateLimit,
      },
    },
    { trusted: true },
  )
  if (!result.ok) throw new Error(result.error.message)
  return (result.value as { id: string }).id
}

/** `count` listings at once, as a burst of browsing or a bulk job would send them. */
const burst = (accountId: string, count: number) =>
  Promise.all(
    Array.from({ length: count }, () =>
      core.dispatch(
        'objects.list',
        { accountId, bucket: 'meter', prefix: '', maxKeys: 1 },
        { trusted: true },
      ),
    ),
  )

beforeAll(async () => {
  bed = await startTestBed({ buckets: ['meter'] })
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-governor-'))
  core = createCore({ dataDir, info: { version: 'test', shell: 'web', platform: 'linux' } })
  core.events.on('requests.stats', (payload) => stats.push(payload))
})

afterAll(async () => {
  await core.dispose()
  await bed.stop()
  await rm(dataDir, { recursive: true, force: true })
})

/** The last meter reading of an account (the meter reports every half second while busy). */
const statsOf = (accountId: string): RequestStats[] =>
  stats.filter((entry) => entry.accountId === accountId)

/** Waits for the meter's next reading of the account. */
const nextStats = async (accountId: string): Promise<RequestStats> => {
  const seen = statsOf(accountId).length
  for (;;) {
    const latest = statsOf(accountId)
    if (latest.length > seen) return latest.at(-1) as RequestStats
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

// Assertions here hold however busy the machine is: no time targets and no counts that
// depend on scheduling (the pace itself is pinned with a virtual clock in request-governor.test.ts).
describe('request governor through the emulator', () => {
  it('sends 300 requests at the 100 RPS limit without a single 503, never over 100 in a second', async () => {
    const accountId = await saveAccount(100)
    bed.emulator.clearLog()
    const results = await burst(accountId, 300)
    const log = bed.emulator.log()
    expect(results.filter((result) => !result.ok)).toEqual([])
    expect(log).toHaveLength(300)
    expect(log.filter((entry) => entry.status === 503)).toEqual([])
    expect(maxRequestsInWindow(log)).toBeLessThanOrEqual(100)
    // The governor never had to slow down: its own window kept every second under the limit.
    expect(await nextStats(accountId)).toMatchObject({ limit: 100, currentRate: 100, throttles: 0 })
  })

  it('at a long round trip (100 ms added), still never lets over 100 arrive in a second', async () => {
    // Slots are freed a second after the earliest a request can have arrived (its answer less
    // the fastest round trip), not a second after its answer: the server's count must still hold.
    const accountId = await saveAccount(100)
    await burst(accountId, 5) // a first round trip heard
    bed.emulator.setFaults({ latencyMs: 100 })
    bed.emulator.clearLog()
    try {
      const results = await burst(accountId, 300)
      expect(results.filter((result) => !result.ok)).toEqual([])
    } finally {
      bed.emulator.setFaults({})
    }
    const log = bed.emulator.log()
    expect(log).toHaveLength(300)
    expect(log.filter((entry) => entry.status === 503)).toEqual([])
    expect(maxRequestsInWindow(log)).toBeLessThanOrEqual(100)
  })

  it('backs off when the server says SlowDown, and every request still succeeds', async () => {
    // Set 3x above what the server allows: the governor must learn from the 503s.
    const accountId = await saveAccount(300)
    // Connections first, unlimited: the burst then reaches the server at once however busy the
    // machine is (TLS handshakes would spread it out), so the server is sure to refuse some.
    bed.emulator.setRateLimit(0)
    await burst(accountId, 30)
    bed.emulator.setRateLimit(100, 10)
    bed.emulator.clearLog()
    const results = await burst(accountId, 300)
    expect(results.filter((result) => !result.ok)).toEqual([])
    const log = bed.emulator.log()
    const slowDowns = log.filter((entry) => entry.status === 503).length
    expect(slowDowns).toBeGreaterThan(0)
    expect(log.filter((entry) => entry.status === 200)).toHaveLength(300)
    // It slowed down (a halving lasts seconds, so the meter saw it) and counted the throttles.
    expect(statsOf(accountId).some((entry) => entry.currentRate < 300)).toBe(true)
    expect((await nextStats(accountId)).throttles).toBeGreaterThan(0)
    // Every attempt, retries included, passed the governor and is in the app's request log.
    const requests = await core.dispatch('requests.log', { accountId }, { trusted: true })
    expect(requests).toMatchObject({ ok: true })
    const entries = requests.ok ? (requests.value as { status: number; bucket: string }[]) : []
    expect(entries.filter((entry) => entry.status === 503)).toHaveLength(slowDowns)
    expect(entries.filter((entry) => entry.status === 200)).toHaveLength(300 + 30)
    expect(entries.every((entry) => entry.bucket === 'meter')).toBe(true)
  })
})
