import { describe, expect, it } from 'vitest'
import { extendKeyHashes, hashKey, noKeyHashes, rowsWithKeys } from './key-lookup'
import type { Entry } from './object-entry'
import { rowsOfKeys } from './browser-store.test-fixture'

const rowsOf = (keys: readonly string[]): Entry[] => rowsOfKeys(keys)

const keys = Array.from(
  { length: 3000 },
  (_, index) => `photos/${index % 7 ? 'a' : 'é'} ${index}.jpg`,
)

/** The rows holding `wanted`, as testing every row's key does. */
const expected = (rows: readonly Entry[], wanted: ReadonlySet<string>): number[] =>
  rows.flatMap(({ key }, row) => (wanted.has(key) ? [row] : []))

describe('finding keys among a listing’s rows', () => {
  it('finds exactly the rows of the keys asked for, and none for a key not listed', () => {
    const rows = rowsOf(keys)
    let index = noKeyHashes
    for (let end = 0; end <= rows.length; end += 211)
      index = extendKeyHashes(index, rows.slice(0, end))
    index = extendKeyHashes(index, rows)
    for (const wanted of [
      new Set(['photos/a 1.jpg']),
      new Set(['photos/é 2996.jpg', 'photos/a 5.jpg', 'photos/a 2999.jpg', 'not listed']),
      new Set(keys.filter((_, at) => at % 3 === 0)),
      new Set<string>(),
    ]) {
      expect(rowsWithKeys(rows, index, wanted)).toEqual(expected(rows, wanted))
    }
  })

  it('checks each row found by its hash against the key itself', () => {
    const rows = rowsOf(keys)
    const wanted = new Set(['photos/a 10.jpg'])
    // Every row with the hash of the key asked for: only the row of the key itself is it.
    const hashes = new Uint32Array(rows.length).fill(hashKey('photos/a 10.jpg'))
    expect(rowsWithKeys(rows, { hashes, count: rows.length }, wanted)).toEqual([10])
  })

  it('hashes equal keys equal and keeps hashes small', () => {
    expect(hashKey(`photos/${'a'} 1.jpg`)).toBe(hashKey('photos/a 1.jpg'))
    expect(hashKey('photos/a 1.jpg')).not.toBe(hashKey('photos/a 2.jpg'))
    for (const key of keys) expect(hashKey(key)).toBeLessThan(2 ** 30)
  })
})
