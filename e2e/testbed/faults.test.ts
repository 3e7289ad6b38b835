import { describe, expect, it } from 'vitest'
import { drawFault, toFaultSettings } from './faults.js'

/** Returns the given numbers in turn, and fails the test if more are drawn. */
const sequence =
  (...numbers: number[]) =>
  () => {
    const next = numbers.shift()
    if (next === undefined) throw new Error('drew more numbers than expected')
    return next
  }

describe('faults', () => {
  it('fills omitted settings with 0', () => {
    expect(toFaultSettings({ resetRate: 0.5 })).toEqual({
      errorRate: 0,
      resetRate: 0.5,
      latencyMs: 0,
      refuseListV2: false,
      corruptRate: 0,
      stall: null,
    })
    expect(toFaultSettings()).toEqual({
      errorRate: 0,
      resetRate: 0,
      latencyMs: 0,
      refuseListV2: false,
      corruptRate: 0,
      stall: null,
    })
  })

  it('rejects rates outside 0..1 and negative latency', () => {
    expect(() => toFaultSettings({ errorRate: 1.5 })).toThrow(RangeError)
    expect(() => toFaultSettings({ resetRate: -0.1 })).toThrow(RangeError)
    expect(() => toFaultSettings({ errorRate: Number.NaN })).toThrow(RangeError)
    expect(() => toFaultSettings({ latencyMs: -1 })).toThrow(RangeError)
    expect(() => toFaultSettings({ corruptRate: 2 })).toThrow(/corruptRate/)
  })

  it('draws the error roll first, then the reset roll', () => {
    const settings = toFaultSettings({ errorRate: 0.5, resetRate: 0.5 })
    expect(drawFault(settings, sequence(0.4))).toBe('error')
    expect(drawFault(settings, sequence(0.6, 0.4))).toBe('reset')
    expect(drawFault(settings, sequence(0.6, 0.6))).toBeUndefined()
  })

  it('draws the corruption roll last, and only for a request with a body to damage', () => {
    const settings = toFaultSettings({ errorRate: 0.5, resetRate: 0.5, corruptRate: 0.5 })
    const put = { corruptible: true }
    expect(drawFault(settings, sequence(0.6, 0.6, 0.4), put)).toBe('corrupt')
    expect(drawFault(settings, sequence(0.6, 0.6, 0.6), put)).toBeUndefined()
    expect(drawFault(settings, sequence(0.6, 0.4), put)).toBe('reset')
    // A GET draws no number for it, so the sequence of the other faults is unchanged.
    expect(drawFault(settings, sequence(0.6, 0.6), { corruptible: false })).toBeUndefined()
    expect(drawFault(toFaultSettings({ corruptRate: 1 }), sequence(0.99), put)).toBe('corrupt')
  })

  it('draws nothing for a rate of 0', () => {
    expect(drawFault(toFaultSettings({}), sequence())).toBeUndefined()
    expect(drawFault(toFaultSettings({ resetRate: 1 }), sequence(0.99))).toBe('reset')
  })
})
