import { describe, expect, it } from 'vitest'
import { stageUrl } from './stage-file'

describe('staging a file', () => {
  it('names the file, its size and date, and carries the page token', () => {
    const url = stageUrl(
      { name: 'a b&c.txt', size: 12, lastModified: 1700000000123.4 },
      '?token=t0k',
    )
    const parsed = new URL(url, 'http://127.0.0.1')
    expect(parsed.pathname).toBe('/files/stage')
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      name: 'a b&c.txt',
      size: '12',
      lastModified: '1700000000123',
      token: 't0k',
    })
    expect(stageUrl({ name: 'x', size: 0, lastModified: -5 }, '')).toBe(
      '/files/stage?name=x&size=0&lastModified=0',
    )
  })
})
