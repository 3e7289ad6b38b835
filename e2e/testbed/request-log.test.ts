import { describe, expect, it } from 'vitest'
import { maxRequestsInWindow } from './request-log.js'

const at = (...times: number[]) => times.map((time) => ({ time }))

describe('maxRequestsInWindow', () => {
  it('is 0 for no requests', () => {
    expect(maxRequestsInWindow([])).toBe(0)
  })

  it('counts the busiest sliding window, not calendar seconds', () => {
    // 3 requests at the end of one second and 3 at the start of the next fall in one window.
    expect(maxRequestsInWindow(at(0, 900, 950, 999, 1_000, 1_050, 1_100, 2_500))).toBe(6)
  })

  it('treats the window as half-open, so arrivals exactly windowMs apart are not together', () => {
    expect(maxRequestsInWindow(at(0, 1_000, 2_000))).toBe(1)
    expect(maxRequestsInWindow(at(0, 999))).toBe(2)
  })

  it('does not depend on the order of the entries', () => {
    expect(maxRequestsInWindow(at(1_100, 0, 950, 1_050, 900))).toBe(4)
  })

  it('takes other window sizes', () => {
    expect(maxRequestsInWindow(at(0, 10, 20, 30, 200), 25)).toBe(3)
  })
})
