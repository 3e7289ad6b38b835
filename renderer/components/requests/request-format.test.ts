import { describe, expect, it } from 'vitest'
import { formatLatency, formatLogTime, meterText, statusText, statusTone } from './request-format'

const quiet = { requestsPerSecond: 42, currentRate: 100, limit: 100, queued: 0 }

describe('request meter and log text', () => {
  it('says the rate against the limit, and only adds what is unusual', () => {
    expect(meterText(quiet)).toBe('42 req/s of 100')
    expect(meterText({ ...quiet, currentRate: 50.6 })).toBe('42 req/s of 100 · slowed to 50')
    expect(meterText({ ...quiet, queued: 3 })).toBe('42 req/s of 100 · 3 queued')
    expect(meterText({ ...quiet, currentRate: 20, queued: 1_200 })).toBe(
      `42 req/s of 100 · slowed to 20 · ${(1200).toLocaleString()} queued`,
    )
  })

  it('tells throttling from errors, and names a missing answer', () => {
    expect([200, 204, 304, 404, 429, 503, 500, 502, 0].map(statusTone)).toEqual([
      'normal',
      'normal',
      'normal',
      'normal',
      'throttled',
      'throttled',
      'error',
      'error',
      'error',
    ])
    expect(statusText(0)).toBe('network error')
    expect(statusText(503)).toBe('503')
  })

  it('shows times to the millisecond and durations in ms or s', () => {
    expect(formatLogTime(new Date(2026, 0, 2, 14, 3, 7, 125).getTime())).toMatch(/14.03.07.125/)
    expect(formatLatency(84.6)).toBe('85 ms')
    expect(formatLatency(1_340)).toBe(`${(1.3).toLocaleString()} s`)
  })
})
