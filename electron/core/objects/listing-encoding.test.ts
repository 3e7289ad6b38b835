/** Decoding url-encoded listings: only what the server encoded, exactly. */
import { describe, expect, it } from 'vitest'
import { decodeListedKey } from './listing-encoding'

describe('decodeListedKey', () => {
  it('decodes what an encoding server sent, control characters and all', () => {
    expect(decodeListedKey('a%2Bb%20c', true)).toBe('a+b c')
    expect(decodeListedKey('a%2Bb+c', true)).toBe('a+b c')
    expect(decodeListedKey('x%0D%0Ay%01%09', true)).toBe('x\r\ny\u0001\t')
    expect(decodeListedKey('..%2F..%2Fetc%2Fevil', true)).toBe('../../etc/evil')
    expect(decodeListedKey('~%2525', true)).toBe('~%25')
    expect(decodeListedKey('emoji%F0%9F%98%80', true)).toBe('emoji\u{1F600}')
  })

  it('decodes a common prefix whether or not its slashes were encoded', () => {
    expect(decodeListedKey('summer%202026/', true)).toBe('summer 2026/')
    expect(decodeListedKey('summer%202026%2F', true)).toBe('summer 2026/')
  })

  it('leaves a key alone when the server did not say it encoded', () => {
    expect(decodeListedKey('a+b %20c', false)).toBe('a+b %20c')
  })
})
