import { describe, expect, it } from 'vitest'
import { stableOrderByKeys } from './radix-order'

/** A small seeded generator, so a failure shows the same keys again. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}

/** The order a comparison sort gives: by key, then by index. */
const compared = (keys: readonly number[]): number[] =>
  keys.map((_, index) => index).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b)

describe('ordering rows by whole-number keys', () => {
  it('gives the order of a stable comparison sort, for narrow and wide keys', () => {
    const next = random(7)
    const ranges = [3, 2000, 2 ** 22, 2 ** 32 + 5, 2 ** 45, Number.MAX_SAFE_INTEGER]
    for (const range of ranges) {
      const keys = Array.from({ length: 5000 }, () => Math.floor(next() * range))
      expect([...(stableOrderByKeys(Float64Array.from(keys)) ?? [])]).toEqual(compared(keys))
    }
  })

  it('orders negative keys and keys far apart', () => {
    const keys = [5, -3, 2 ** 40, 0, -3, 2 ** 40 - 1, 2 ** 32, 2 ** 32 - 1, 5]
    expect([...(stableOrderByKeys(Float64Array.from(keys)) ?? [])]).toEqual(compared(keys))
  })

  it('answers null for a key that is not a whole number, and handles no and one key', () => {
    expect(stableOrderByKeys(Float64Array.from([1, 2.5]))).toBeNull()
    expect(stableOrderByKeys(Float64Array.from([1, Number.NaN]))).toBeNull()
    expect(stableOrderByKeys(Float64Array.from([2 ** 60]))).toBeNull()
    expect([...(stableOrderByKeys(new Float64Array(0)) ?? [1])]).toEqual([])
    expect([...(stableOrderByKeys(Float64Array.from([9])) ?? [])]).toEqual([0])
  })
})
