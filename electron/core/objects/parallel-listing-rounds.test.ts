/**
 * How wide a parallel listing goes for the round trip it sees, counted in rounds rather than
 * time: a loopback ListObjectsV2 holds every request until the client has sent all it will send
 * without an answer, then answers them together. Each round's size is then what the listing
 * chose, whatever the machine's speed. The governor's round-trip figure is pinned, so "a long
 * round trip" needs no sleeping server.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Connection } from '../accounts'
import { governorSeeing } from '../testing/pinned-governor'
import { connectionFor } from '../testing/transfer-core'
import { walkListing } from './parallel-listing'

const PAGE = 100
/** How long the server waits for one more request before it answers the round. */
const QUIET_MS = 60

const keyOf = (index: number): string => `k-${String(index).padStart(6, '0')}`

let count = 0
let rounds: number[] = []
let held: (() => void)[] = []
let quiet: ReturnType<typeof setTimeout> | undefined

const page = (query: URLSearchParams): string => {
  const token = query.get('continuation-token')
  const after = token ?? query.get('start-after') ?? ''
  let from = 0
  while (from < count && keyOf(from) <= after) from += 1
  const keys = Array.from({ length: Math.min(PAGE, count - from) }, (_, at) => keyOf(from + at))
  const truncated = from + keys.length < count
  return [
    '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult>',
    `<KeyCount>${keys.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>`,
    truncated ? `<NextContinuationToken>${keys.at(-1)}</NextContinuationToken>` : '',
    ...keys.map((key) => `<Contents><Key>${key}</Key><Size>1</Size></Contents>`),
    '</ListBucketResult>',
  ].join('')
}

const answerRound = (): void => {
  rounds.push(held.length)
  const answers = held
  held = []
  for (const answer of answers) answer()
}

let server: http.Server
let endpoint = ''

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams
    held.push(() => {
      res.writeHead(200, { 'Content-Type': 'application/xml' })
      res.end(page(query))
    })
    clearTimeout(quiet)
    quiet = setTimeout(answerRound, QUIET_MS)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

const connections: Connection[] = []
afterEach(() => {
  for (const connection of connections.splice(0)) connection.client.destroy()
})

/**
 * A connection whose governor reports a rate of 100 requests a second and `roundTripMs`, but
 * lets requests go at once: the rounds are then the listing's choice alone, not the pacing's.
 */
const connectionSeeing = (roundTripMs: number): Connection => {
  const governor = governorSeeing(roundTripMs, { pacing: 100_000 })
  const settings = { endpoint, accessKeyId: 'test', secretAccessKey: 'test-secret' }
  const connection = connectionFor(settings, governor)
  connections.push(connection)
  return connection
}

const listAll = async (connection: Connection, objects: number): Promise<string[]> => {
  count = objects
  rounds = []
  const keys: string[] = []
  const scope = { bucket: 'b', prefix: '', recursive: true, maxKeys: PAGE }
  for await (const listed of walkListing(connection, scope)) {
    keys.push(...listed.objects.map((object) => object.key))
  }
  return keys
}

const total = (sizes: readonly number[]): number => sizes.reduce((sum, size) => sum + size, 0)

describe('a listing at a long round trip (150 ms at 100 requests a second)', () => {
  it('goes wide at its second round and lists 100 pages in a few rounds', async () => {
    const keys = await listAll(connectionSeeing(150), 100 * PAGE)
    expect(keys).toEqual(Array.from({ length: 100 * PAGE }, (_, index) => keyOf(index)))
    // 16 requests fill a round trip of 150 ms at 100 a second: the first page's answer opens
    // that many ranges at once (the old cut, by pages seen alone, opened 2).
    expect(rounds[1]).toBeGreaterThanOrEqual(8)
    expect(rounds.length).toBeLessThanOrEqual(10)
    expect(total(rounds)).toBeLessThanOrEqual(100 + 20)
  })

  it('spends a few requests more on a short folder, never a round trip more', async () => {
    const keys = await listAll(connectionSeeing(150), 2 * PAGE)
    expect(keys).toHaveLength(2 * PAGE)
    expect(rounds).toHaveLength(2)
    expect(total(rounds)).toBeLessThanOrEqual(2 + 8)
  })
})

describe('a listing at a short round trip (10 ms)', () => {
  it('stays narrow: what it cuts costs next to nothing', async () => {
    const keys = await listAll(connectionSeeing(10), 2 * PAGE)
    expect(keys).toHaveLength(2 * PAGE)
    expect(total(rounds)).toBeLessThanOrEqual(4)
    await listAll(connectionSeeing(10), 30 * PAGE)
    expect(rounds[1]).toBeLessThanOrEqual(3)
    expect(total(rounds)).toBeLessThanOrEqual(30 + 6)
  })
})
