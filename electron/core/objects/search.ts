/**
 * Whole-bucket search by any part of a key: S3 can only list by prefix, so the folder is walked
 * recursively (one listing request per 1,000 objects, through the governor like every request)
 * and each page's matches are handed on as it arrives. What a walk went through is remembered, so
 * the next search of the same folder can say beforehand what it will cost.
 */
import type { ObjectEntry } from '../../../shared/objects'
import {
  MAX_SEARCH_MATCHES,
  OBJECTS_PER_LISTING,
  keyMatches,
  type SearchCost,
  type SearchSummary,
} from '../../../shared/search'
import type { Connection } from '../accounts'
import { walkListing } from './parallel-listing'

export type SearchRequest = {
  readonly bucket: string
  readonly prefix: string
  readonly text: string
}

export type SearchPage = {
  readonly matches: readonly ObjectEntry[]
  readonly scanned: number
  readonly requests: number
}

export type BucketSearch = {
  cost(accountId: string, connection: Connection, bucket: string, prefix: string): SearchCost
  run(
    accountId: string,
    connection: Connection,
    request: SearchRequest,
    onPage: (page: SearchPage) => void,
    signal: AbortSignal,
  ): Promise<SearchSummary>
}

const walkId = (accountId: string, bucket: string, prefix: string): string =>
  JSON.stringify([accountId, bucket, prefix])

/**
 * The connection with its S3 calls counted: a walk may send more listing requests than it hands
 * out pages (a parallel walk probes ranges of the key space), and the user is told what was sent.
 * Retries are the retry layer's, below `send`, so this counts requests as the user asked them.
 */
const counting = (connection: Connection): { connection: Connection; sent: () => number } => {
  let sent = 0
  const client = new Proxy(connection.client, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver) as unknown
      return (...args: unknown[]) => {
        sent += 1
        return Reflect.apply(target.send, target, args) as unknown
      }
    },
  })
  return { connection: { ...connection, client }, sent: () => sent }
}

export const createBucketSearch = (): BucketSearch => {
  /** Objects and requests of the last complete walk of a folder, by account, bucket and prefix. */
  const walks = new Map<string, { objects: number; requests: number }>()
  return {
    cost(accountId, connection, bucket, prefix) {
      return {
        rate: connection.governor.rate,
        objectsPerRequest: OBJECTS_PER_LISTING,
        lastWalk: walks.get(walkId(accountId, bucket, prefix)) ?? null,
      }
    },
    async run(accountId, connection, { bucket, prefix, text }, onPage, signal) {
      const counted = counting(connection)
      let scanned = 0
      let requests = 0
      let matched = 0
      const scope = { bucket, prefix, recursive: true, maxKeys: OBJECTS_PER_LISTING }
      // One page after another: exactly one request per 1,000 objects, the cost the user was
      // told. A parallel walk finishes sooner but probes the key space with extra requests (120
      // for 10,000 objects on the test bed), and every one counts against the account's 100/s.
      for await (const listed of walkListing(counted.connection, scope, signal, {
        parallel: false,
      })) {
        const page = listed.objects
        requests = counted.sent()
        scanned += page.length
        const room = MAX_SEARCH_MATCHES - matched
        const matches = page.filter((object) => keyMatches(object.key, prefix, text)).slice(0, room)
        matched += matches.length
        onPage({ matches, scanned, requests })
        if (matched >= MAX_SEARCH_MATCHES) {
          return { scanned, requests, matched, truncated: true }
        }
      }
      requests = counted.sent()
      walks.set(walkId(accountId, bucket, prefix), { objects: scanned, requests })
      return { scanned, requests, matched, truncated: false }
    },
  }
}
