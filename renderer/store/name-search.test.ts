import { describe, expect, it } from 'vitest'
import type { Entry } from './object-entry'
import { rowsOfKeys } from './browser-store.test-fixture'
import { emptyNameIndex, extendNameIndex, rowsContaining } from './name-search'

const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}

/** Short names from few letters, some empty, so that matches often run across two names. */
const rowsOf = (count: number, seed: number): Entry[] => {
  const next = random(seed)
  const letters = ['a', 'b', 'A', 'é', 'e\u0301', '/', ' ']
  const name = () =>
    Array.from({ length: Math.floor(next() * 4) }, () => letters[Math.floor(next() * 7)]).join('')
  return rowsOfKeys(
    Array.from({ length: count }, () => name()),
    (index) => index,
  )
}

/** The rows each query finds, as testing every name does. */
const expected = (rows: readonly Entry[], query: string): number[] =>
  rows.flatMap(({ folded }, row) => (folded.includes(query) ? [row] : []))

const found = (flags: Uint8Array): number[] =>
  [...flags].flatMap((flag, row) => (flag === 1 ? [row] : []))

const queries = ['a', 'ab', 'aa', 'ba', 'é', 'a ', ' /', 'bab', 'aaaa', 'x', '']

describe('finding text in a listing’s names', () => {
  it('finds the rows whose folded name contains the text, never a match across two names', () => {
    const rows = rowsOf(3000, 21)
    const index = extendNameIndex(emptyNameIndex, rows)
    for (const query of queries)
      expect(found(rowsContaining(index, query))).toEqual(expected(rows, query))
  })

  it('grows page by page into the index built at once', () => {
    const rows = rowsOf(2000, 22)
    let index = emptyNameIndex
    for (let end = 0; end <= rows.length; end += 137)
      index = extendNameIndex(index, rows.slice(0, end))
    index = extendNameIndex(index, rows)
    expect(index.count).toBe(rows.length)
    for (const query of queries)
      expect(found(rowsContaining(index, query))).toEqual(expected(rows, query))
  })
})
