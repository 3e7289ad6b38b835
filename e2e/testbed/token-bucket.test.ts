import { describe, expect, it } from 'vitest'
import { createTokenBucket } from './token-bucket.js'

/** A clock the test moves by hand. */
const manualClock = () => {
  let now = 0
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

const takeAll = (bucket: { tryTake(): boolean }, attempts: number): number =>
  Array.from({ length: attempts }, () => bucket.tryTake()).filter(Boolean).length

describe('token bucket', () => {
  it('admits a full burst, then only what the rate refills', () => {
    const clock = manualClock()
    const bucket = createTokenBucket(100, 100, clock.now)
    expect(takeAll(bucket, 150)).toBe(100)
    clock.advance(100) // 100 ms at 100/s = 10 tokens
    expect(takeAll(bucket, 50)).toBe(10)
    clock.advance(5)
    expect(bucket.tryTake()).toBe(false)
  })

  it('never stores more than the burst, however long it was idle', () => {
    const clock = manualClock()
    const bucket = createTokenBucket(10, 5, clock.now)
    clock.advance(60_000)
    expect(takeAll(bucket, 20)).toBe(5)
  })

  it('defaults the burst to one second of requests', () => {
    const bucket = createTokenBucket(100, undefined, manualClock().now)
    expect(bucket.burst).toBe(100)
    expect(takeAll(bucket, 200)).toBe(100)
  })

  it('is unlimited at rate 0 or Infinity', () => {
    const clock = manualClock()
    expect(takeAll(createTokenBucket(0, undefined, clock.now), 10_000)).toBe(10_000)
    expect(takeAll(createTokenBucket(Infinity, undefined, clock.now), 10_000)).toBe(10_000)
  })

  it('starts a fresh bucket when reconfigured', () => {
    const clock = manualClock()
    const bucket = createTokenBucket(100, 100, clock.now)
    expect(takeAll(bucket, 100)).toBe(100)
    bucket.configure(2, 3)
    expect([bucket.ratePerSecond, bucket.burst]).toEqual([2, 3])
    expect(takeAll(bucket, 10)).toBe(3)
    clock.advance(500)
    expect(takeAll(bucket, 10)).toBe(1)
    bucket.configure(0)
    expect(takeAll(bucket, 1_000)).toBe(1_000)
  })

  it('rejects limits that make no sense', () => {
    expect(() => createTokenBucket(-1)).toThrow(RangeError)
    expect(() => createTokenBucket(Number.NaN)).toThrow(RangeError)
    expect(() => createTokenBucket(10, 0)).toThrow(RangeError)
    expect(() => createTokenBucket(10).configure(10, Infinity)).toThrow(RangeError)
  })
})
