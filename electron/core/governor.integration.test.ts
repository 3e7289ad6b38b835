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
    // ...and uses the budget: 300 requests take about 3 seconds, not much more.
    const span =
      Math.max(...log.map((entry) => entry.time)) - Math.min(...log.map((entry) => entry.time))
    expect(span).toBeLessThan(3500)
    expect(
      stats.some((entry) => entry.accountId === accountId && entry.requestsPerSecond >= 80),
    ).toBe(true)
  })

  it('backs off when the server says SlowDown, and every request still succeeds', async () => {
    // Set 3x above what the server allows: the governor must learn from the 503s.
    const accountId = await saveAccount(300)
    bed.emulator.setRateLimit(100, 10)
    bed.emulator.clearLog()
    const results = await burst(accountId, 300)
    expect(results.filter((result) => !result.ok)).toEqual([])
    const log = bed.emulator.log()
    const slowDowns = log.filter((entry) => entry.status === 503).length
    expect(slowDowns).toBeGreaterThan(0)
    // Backing off keeps the throttled share small: far fewer 503s than successes.
    expect(slowDowns).toBeLessThan(100)
    const requests = await core.dispatch('requests.log', { accountId }, { trusted: true })
    expect(requests).toMatchObject({ ok: true })
    const entries = requests.ok ? (requests.value as { status: number; bucket: string }[]) : []
    expect(entries.filter((entry) => entry.status === 503)).toHaveLength(slowDowns)
    expect(entries.filter((entry) => entry.status === 200)).toHaveLength(300)
    expect(entries.every((entry) => entry.bucket === 'meter')).toBe(true)
  })
})
