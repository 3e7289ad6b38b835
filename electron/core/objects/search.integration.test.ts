/**
 * Whole-bucket search on the test bed (RGW behind the 100 RPS emulator): 10,000 objects, the cost
 * said before any request, matches by any part of a key streamed in as pages arrive, and a search
 * given up with requests.cancel.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchProgress, SearchSummary } from '../../../shared/search'
import { startHarness, type Harness } from '../testing/core-harness'

const BUCKET = 'search'
const LOGS = Array.from({ length: 200 }, (_, n) => `logs/event-${String(n).padStart(4, '0')}.json`)
const DATA = Array.from(
  { length: 9_800 },
  (_, n) => `data/${n % 7}/part-${String(n).padStart(5, '0')}.bin`,
)

let h: Harness

/** Seeds straight into the RGW peer, past the emulator's 100 RPS: 10,000 PUTs, 64 at a time. */
const seed = async (keys: readonly string[]): Promise<void> => {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const key = keys[next++] ?? ''
      await h.direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'x' }))
    }
  }
  await Promise.all(Array.from({ length: 64 }, worker))
}

const listingsOf = () =>
  h.bed.emulator.log().filter((entry) => entry.method === 'GET' && entry.path === `/${BUCKET}/`)

beforeAll(async () => {
  h = await startHarness({ buckets: [BUCKET], prefix: 'search' })
  await seed([...LOGS, ...DATA])
  // 10,000 PUTs take a few seconds alone, minutes on a machine shared with other test runs.
}, 300_000)

afterAll(() => h.stop())

describe('whole-bucket search', () => {
  it('says what it costs first, then finds "event-00" under logs/ as pages arrive', async () => {
    h.bed.emulator.clearLog()
    // The cost is known before any request: one listing per 1,000 objects at the account's rate.
    expect(
      await h.call('objects.searchCost', { accountId: h.accountId, bucket: BUCKET, prefix: '' }),
    ).toEqual({ rate: 100, objectsPerRequest: 1000, lastWalk: null })
    expect(h.bed.emulator.log()).toEqual([])

    const pages: SearchProgress[] = []
    let finished = false
    let pagesBeforeEnd = 0
    const stop = h.core.events.on('objects.searchResults', (page) => {
      pages.push(page)
      if (!finished) pagesBeforeEnd += 1
    })
    let summary: SearchSummary | null = null
    try {
      summary = await h.call('objects.search', {
        accountId: h.accountId,
        bucket: BUCKET,
        prefix: '',
        text: 'EVENT-00',
        requestId: 'search-1',
      })
      finished = true
    } finally {
      stop()
    }
    // Every object looked at once; the requests it reports are the listings the server saw.
    const listings = listingsOf().length
    // One listing per 1,000 objects, as the cost said (RGW may end a page a little early, which
    // costs one more), and the count it reports is what the server saw.
    expect(listings).toBeGreaterThanOrEqual(10)
    expect(listings).toBeLessThanOrEqual(11)
    expect(summary).toEqual({ scanned: 10_000, requests: listings, matched: 100, truncated: false })
    // Results came a page at a time, as each listing arrived, before the command ended.
    // (The walk asks for the next page while this one is read: `requests` counts what was sent.)
    expect(pages).toHaveLength(listings)
    const sent = pages.map((page) => page.requests)
    expect(sent).toEqual([...sent].sort((a, b) => a - b))
    expect(sent.at(-1)).toBe(listings)
    expect(pagesBeforeEnd).toBe(pages.length)
    const scanned = pages.map((page) => page.scanned)
    expect(scanned).toEqual([...scanned].sort((a, b) => a - b))
    expect(scanned.at(-1)).toBe(10_000)
    expect(pages.every((page) => page.requestId === 'search-1')).toBe(true)
    expect(pages.flatMap((page) => page.matches.map((object) => object.key)).sort()).toEqual(
      LOGS.slice(0, 100),
    )

    // The next search of the bucket can say exactly what it will take.
    expect(
      await h.call('objects.searchCost', { accountId: h.accountId, bucket: BUCKET, prefix: '' }),
    ).toEqual({
      rate: 100,
      objectsPerRequest: 1000,
      lastWalk: { objects: 10_000, requests: listings },
    })
  }, 120_000)

  it('looks only below the folder it starts from, and not at the folder part of the key', async () => {
    const found: string[] = []
    const stop = h.core.events.on('objects.searchResults', (page) =>
      found.push(...page.matches.map((object) => object.key)),
    )
    try {
      const logs = await h.call('objects.search', {
        accountId: h.accountId,
        bucket: BUCKET,
        prefix: 'logs/',
        text: 'logs',
        requestId: 'search-2',
      })
      expect(logs).toEqual({ scanned: 200, requests: 1, matched: 0, truncated: false })
      await h.call('objects.search', {
        accountId: h.accountId,
        bucket: BUCKET,
        prefix: 'logs/',
        text: '0199',
        requestId: 'search-3',
      })
    } finally {
      stop()
    }
    expect(found).toEqual(['logs/event-0199.json'])
  })

  it('stops when cancelled, with CANCELLED, after the pages that had arrived', async () => {
    let pages = 0
    const stop = h.core.events.on('objects.searchResults', (page) => {
      pages += 1
      if (pages === 1) void h.call('requests.cancel', { requestId: page.requestId })
    })
    try {
      const result = await h.core.dispatch(
        'objects.search',
        { accountId: h.accountId, bucket: BUCKET, prefix: '', text: 'part', requestId: 'search-4' },
        { trusted: true },
      )
      expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    } finally {
      stop()
    }
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(pages).toBeLessThan(10)
  })
})
