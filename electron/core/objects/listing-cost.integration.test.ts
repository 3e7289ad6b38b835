/**
 * What a parallel walk costs in requests: DSS counts every one against 100 a second, so cutting
 * the key space into ranges may add only a few requests (pages cut short at a range's end, ranges
 * found empty past the folder's end), whatever the folder's length.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection } from '../accounts'
import { governorSeeing } from '../testing/pinned-governor'
import {
  closeTransferBed,
  connectionFor,
  connectionTo,
  openTransferBed,
  type TransferBed,
} from '../testing/transfer-core'
import { walkPrefix } from './listing'

let t: TransferBed
let connection: Connection

const SIZES = [1_500, 2_500, 6_000, 12_000]

beforeAll(async () => {
  t = await openTransferBed('cost', 'listing-cost')
  connection = connectionTo(t.bed)
  const keys = SIZES.flatMap((size) =>
    Array.from({ length: size }, (_, i) => `n${size}/item-${String(i).padStart(6, '0')}.json`),
  )
  for (let at = 0; at < keys.length; at += 100) {
    await Promise.all(
      keys
        .slice(at, at + 100)
        .map((Key) => t.direct.send(new PutObjectCommand({ Bucket: 'cost', Key, Body: '' }))),
    )
  }
}, 600_000)

afterAll(() => closeTransferBed({ ...t, connection }))

/** The requests a recursive walk of the folder of `size` keys sent, having listed it exactly. */
const walkCost = async (through: Connection, size: number): Promise<number> => {
  t.bed.emulator.clearLog()
  let count = 0
  for await (const page of walkPrefix(through, 'cost', `n${size}/`)) count += page.length
  expect(count).toBe(size)
  return t.bed.emulator.log().length
}

const pagesOf = (size: number): number => Math.ceil(size / 1000)

// The round trip is pinned: how wide a listing goes follows the round trip the governor
// measures, which a loaded machine stretches. A longer round trip cuts wider at once, so it may
// spend a few requests more past a short folder's end.
describe.each([
  { roundTripMs: 10, extra: 2 },
  { roundTripMs: 150, extra: 8 },
])(
  'the requests a recursive walk sends at a $roundTripMs ms round trip',
  ({ roundTripMs, extra }) => {
    it.each(SIZES)(
      `lists %i keys exactly, with at most twice as many requests as pages, plus ${extra}`,
      async (size) => {
        const pinned = connectionFor(connection.settings, governorSeeing(roundTripMs))
        try {
          expect(await walkCost(pinned, size)).toBeLessThanOrEqual(2 * pagesOf(size) + extra)
        } finally {
          pinned.client.destroy()
        }
      },
    )
  },
)
