/**
 * What a parallel walk costs in requests: DSS counts every one against 100 a second, so cutting
 * the key space into ranges may add only a few requests (pages cut short at a range's end, ranges
 * found empty past the folder's end), whatever the folder's length.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection } from '../accounts'
import {
  closeTransferBed,
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

describe('the requests a recursive walk sends', () => {
  it.each(SIZES)(
    'lists %i keys exactly, with at most twice as many requests as pages, plus 2',
    async (size) => {
      t.bed.emulator.clearLog()
      let count = 0
      for await (const page of walkPrefix(connection, 'cost', `n${size}/`)) count += page.length
      expect(count).toBe(size)
      const pages = Math.ceil(size / 1000)
      const requests = t.bed.emulator.log().length
      expect(requests).toBeLessThanOrEqual(2 * pages + 2)
    },
  )
})
