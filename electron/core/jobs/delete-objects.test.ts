/** Which keys a DeleteObjects XML body can name. */
import { describe, expect, it } from 'vitest'
import { xmlCanCarry } from './delete-objects'

describe('xmlCanCarry', () => {
  it('accepts what XML 1.0 can write, escaped or not', () => {
    for (const key of [
      'plain',
      'x\ty',
      'x\ny',
      'x\r\ny',
      'a&b<c>"\'',
      'x\u007fy',
      'caf\u00e9',
      'emoji\u{1F600}',
      'pua\uE000',
    ]) {
      expect(xmlCanCarry(key)).toBe(true)
    }
  })

  it('refuses control characters XML 1.0 cannot write at all, and lone surrogates', () => {
    for (const key of ['x\u0000y', 'x\u0001y', 'x\u000by', 'x\u001fy', 'x\uffffy', 'x\ud800y']) {
      expect(xmlCanCarry(key)).toBe(false)
    }
  })
})
