import { describe, expect, it } from 'vitest'
import { roomFor } from './growing-array'

const make = (length: number) => new Uint32Array(length)

/** Fills the slots from `used` to `needed` with `value`, as a listing's next page does. */
const extend = (array: Uint32Array, used: number, needed: number, value: number) => {
  const grown = roomFor(array, used, needed, make)
  grown.fill(value, used, needed)
  return grown
}

describe('typed arrays that grow as pages arrive', () => {
  it('grows in place while there is room, by doubling when there is not', () => {
    const first = extend(new Uint32Array(0), 0, 3, 1)
    const second = extend(first, 3, 5, 2)
    expect(second.length).toBe(6)
    const third = extend(second, 5, 6, 3)
    expect(third).toBe(second)
    expect([...third]).toEqual([1, 1, 1, 2, 2, 3])
  })

  it('copies when an older value is extended again, leaving the newer one as it was', () => {
    const base = extend(new Uint32Array(0), 0, 2, 1)
    const newer = extend(base, 2, 3, 2)
    const other = extend(newer, 2, 4, 9)
    expect(other).not.toBe(newer)
    expect([...newer.subarray(0, 3)]).toEqual([1, 1, 2])
    expect([...other.subarray(0, 4)]).toEqual([1, 1, 9, 9])
  })
})
