/**
 * A server that ignores StartAfter (it pages by continuation token only): the parallel listing
 * notices the first range that starts at the beginning again and finishes sequentially, every
 * key once, at about the cost of a sequential walk. The server is a small ListObjectsV2 on a
 * loopback socket, since RGW honours StartAfter.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Connection } from '../accounts'
import { startLoopbackS3, type LoopbackS3 } from '../testing/loopback-s3'
import { walkListing } from './parallel-listing'

const KEYS = Array.from({ length: 60 }, (_, index) => `k-${String(index).padStart(3, '0')}`)
let loopback: LoopbackS3
let connection: Connection
const asked: URLSearchParams[] = []

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** ListObjectsV2 over KEYS, by continuation token alone: `start-after` is not looked at. */
const answer = (query: URLSearchParams): string => {
  const token = query.get('continuation-token')
  const from = token === null ? 0 : KEYS.indexOf(token) + 1
  const page = KEYS.slice(from, from + Number(query.get('max-keys') ?? 1000))
  const truncated = from + page.length < KEYS.length
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
    `<Name>b</Name><Prefix></Prefix><KeyCount>${page.length}</KeyCount>`,
    `<IsTruncated>${truncated}</IsTruncated>`,
    truncated ? `<NextContinuationToken>${escape(page.at(-1) ?? '')}</NextContinuationToken>` : '',
    ...page.map((key) => `<Contents><Key>${escape(key)}</Key><Size>1</Size></Contents>`),
    '</ListBucketResult>',
  ].join('')
}

beforeAll(async () => {
  loopback = await startLoopbackS3((req, res) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams
    asked.push(query)
    res.writeHead(200, { 'Content-Type': 'application/xml' })
    res.end(answer(query))
  })
  connection = loopback.connection
})

afterAll(() => loopback.stop())

it('falls back to the sequential walk when the server ignores StartAfter', async () => {
  const listed: string[] = []
  const scope = { bucket: 'b', prefix: '', recursive: true, maxKeys: 5 }
  for await (const page of walkListing(connection, scope)) {
    listed.push(...page.objects.map((object) => object.key))
  }
  expect(listed).toEqual(KEYS)
  expect(asked.some((query) => query.has('start-after'))).toBe(true)
  // 12 pages sequentially; the ranges tried first and the walk again from the start cost a few
  // more, not a walk from the start per range.
  expect(asked.length).toBeLessThanOrEqual(2 * 12 + 20)

  // The connection remembers: the next listing is sequential from the first request.
  asked.length = 0
  let again = 0
  for await (const page of walkListing(connection, scope)) again += page.objects.length
  expect(again).toBe(KEYS.length)
  expect(asked.every((query) => !query.has('start-after'))).toBe(true)
  expect(asked).toHaveLength(12)
})
