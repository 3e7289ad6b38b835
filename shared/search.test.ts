import { describe, expect, it } from 'vitest'
import { keyMatches, searchSeconds } from './search'

describe('keyMatches', () => {
  it('finds the text anywhere in the key below the folder, ignoring case', () => {
    expect(keyMatches('logs/event-0012.json', '', 'event-00')).toBe(true)
    expect(keyMatches('logs/Event-0012.json', '', 'EVENT-00')).toBe(true)
    expect(keyMatches('logs/event-0012.json', '', 'gs/ev')).toBe(true)
    expect(keyMatches('logs/event-0112.json', '', 'event-00')).toBe(false)
  })

  it('does not match the folder the search starts from', () => {
    expect(keyMatches('logs/event-0012.json', 'logs/', 'logs')).toBe(false)
    expect(keyMatches('logs/logs-1.txt', 'logs/', 'logs')).toBe(true)
  })
})

describe('searchSeconds', () => {
  it('is one request per 1,000 objects at the rate, at least one request', () => {
    expect(searchSeconds(10_000, 100)).toBeCloseTo(0.1)
    expect(searchSeconds(0, 100)).toBeCloseTo(0.01)
    expect(searchSeconds(1_000_000, 50)).toBeCloseTo(20)
  })
})
