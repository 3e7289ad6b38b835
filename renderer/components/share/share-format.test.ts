import { describe, expect, it } from 'vitest'
import type { ShareLink } from '../../../shared/share'
import { countdownSpan, countdownText, expiresText, isExpired, spanText } from './share-format'

const link = (expiresAt: string): ShareLink => ({
  id: 'l1',
  accountId: 'a',
  bucket: 'b',
  key: 'k',
  kind: 'download',
  signature: 'v4',
  url: 'https://x/b/k',
  issuedAt: '2026-11-24T13:00:00Z',
  expiresAt,
  expiresInSeconds: 3600,
  downloadName: null,
  contentType: null,
  curl: null,
})

describe('expiry text', () => {
  it('names a span in the unit a person would use', () => {
    expect(spanText(900)).toBe('15 minutes')
    expect(spanText(3600)).toBe('1 hour')
    expect(spanText(3599.4)).toBe('1 hour')
    expect(spanText(86_400)).toBe('1 day')
    expect(spanText(36 * 3600)).toBe('36 hours')
    expect(spanText(604_800)).toBe('7 days')
    expect(spanText(30 * 86_400)).toBe('30 days')
    expect(spanText(365 * 86_400)).toBe('1 year')
    expect(spanText(400 * 86_400)).toBe('400 days')
    expect(spanText(1)).toBe('1 second')
  })

  it('gives the exact local time and how far off it is', () => {
    const now = new Date('2026-11-24T13:32:00Z')
    const text = expiresText(new Date(now.getTime() + 3_600_000), now)
    expect(text).toMatch(/^Expires .*2026.* \(in 1 hour\)$/)
  })

  it('counts down, then says how long ago a link expired', () => {
    const now = Date.parse('2026-11-24T13:32:00Z')
    expect(countdownText(link('2026-11-24T14:14:30Z'), now)).toBe('expires in 42 min')
    expect(countdownText(link('2026-11-24T13:32:35Z'), now)).toBe('expires in 35 s')
    expect(countdownText(link('2026-11-24T18:44:00Z'), now)).toBe('expires in 5 h 12 min')
    expect(countdownText(link('2026-11-27T17:32:00Z'), now)).toBe('expires in 3 d 4 h')
    expect(countdownText(link('2026-11-24T13:29:00Z'), now)).toBe('expired 3 min ago')
    expect(isExpired(link('2026-11-24T13:32:00Z'), now)).toBe(true)
    expect(countdownText(link('2026-11-24T13:32:00Z'), now)).toBe('expired 1 s ago')
    expect(isExpired(link('2026-11-24T13:32:01Z'), now)).toBe(false)
    expect(countdownSpan(400 * 86_400)).toBe('400 days')
    expect(countdownSpan(3 * 365 * 86_400)).toBe('3 years')
  })
})
