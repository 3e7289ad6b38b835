/** Where the parallel listing cuts, and the order it merges in. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareKeys } from '../../../shared/s3-keys'
import { compareNames, cutsAhead, cutsWithin } from './key-ranges'

const numbered = (index: number): string => `big/object-${String(index).padStart(6, '0')}.txt`
const page = (from: number) => ({
  first: numbered(from),
  last: numbered(from + 999),
  count: 1000,
  pageSize: 1000,
})

describe('cuts of a listing', () => {
  it('land on the last key of a page ahead when keys are numbered evenly', () => {
    expect(cutsAhead(page(0), 'big/', 16)).toEqual(
      [1999, 2999, 3999, 4999, 6999, 8999, 12999, 16999].map(numbered),
    )
  })

  it('split the rest of a range into whole pages, none past its end', () => {
    expect(cutsWithin(page(32000), 'big/', numbered(40999), 8, 3)).toEqual(
      [35999, 38999].map(numbered),
    )
    expect(cutsWithin(page(32000), 'big/', numbered(34999), 8, 3)).toEqual([])
  })

  it('rise strictly after the page and stay inside the prefix, whatever the keys', () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
    fc.assert(
      fc.property(name, name, fc.integer({ min: 2, max: 1000 }), (a, b, count) => {
        const [first, last] = [`p/${a}`, `p/${b}`].sort(compareKeys) as [string, string]
        if (first === last) return
        const cuts = cutsAhead({ first, last, count, pageSize: 1000 }, 'p/', 256)
        let previous = last
        for (const cut of cuts) {
          expect(compareKeys(cut, previous)).toBeGreaterThan(0)
          expect(cut.startsWith('p/')).toBe(true)
          expect(() => encodeURIComponent(cut)).not.toThrow()
          previous = cut
        }
      }),
    )
  })
})

describe('compareNames', () => {
  it('orders as S3 does (UTF-8 bytes), like compareKeys', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareNames(a, b))).toBe(Math.sign(compareKeys(a, b)))
      }),
    )
    expect(compareNames('\u{1F600}', '\u{FFEF}')).toBeGreaterThan(0)
  })
})
