import { describe, expect, it } from 'vitest'
import { stagingFailure, stageUrl, stillReadable } from './stage-file'

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

describe('a file that could not be handed over', () => {
  it('says the file changed when the page can no longer read it', async () => {
    const changed = {
      slice: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }),
    } as unknown as Blob
    expect(await stillReadable(changed)).toBe(false)
    expect(await stillReadable(new Blob(['intact']))).toBe(true)
    expect(stagingFailure('shrink.bin', false, 'Failed to fetch')).toEqual({
      ok: false,
      error: {
        code: 'FILE_CHANGED',
        message:
          '"shrink.bin" changed or was removed while it was being read, so nothing of it was uploaded. Upload it again once it is complete.',
      },
    })
  })

  it('blames the connection when the file is still readable', () => {
    expect(stagingFailure('a.txt', true, 'Failed to fetch')).toEqual({
      ok: false,
      error: {
        code: 'CONNECTION_RESET',
        message: 'Could not hand "a.txt" to the core (Failed to fetch).',
      },
    })
  })
})
