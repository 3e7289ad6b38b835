import { describe, expect, it } from 'vitest'
import type { Entry } from './object-entry'
import { entriesOfPage } from './object-entry'
import { rowsOfKeys } from './browser-store.test-fixture'
import type { SortColumn } from './sort-entries'
import type { SortedRows } from './sort-entries'
import { inOrder, noRowsSorted, sortedFromNames, sortInto } from './sort-entries'
import { extendRowKeys, noRowKeys } from './sort-keys'

const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}

const columns: readonly SortColumn[] = ['name', 'size', 'modified', 'type']

/** Rows with ties in every column: few sizes, dates and types, names that differ in case. */
const rowsOf = (count: number, seed: number, otherDates: readonly string[] = []): Entry[] => {
  const next = random(seed)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T
  const objects = Array.from({ length: count }, (_, index) => ({
    key: `${pick(['File', 'file', 'photo ', 'Zed', 'ä'])}${Math.floor(next() * 40)}${pick(['.txt', '.JPG', '.jpg', '', '.tar.gz'])}#${index}`,
    size: pick([0, 1, 7, 2 ** 33, 2 ** 45 + 1, 1000]),
    lastModified: pick([
      null,
      '2026-01-31T23:59:59.999Z',
      '2026-02-01T00:00:00.000Z',
      '1999-12-31T00:00:00.000Z',
      ...otherDates,
    ]),
    etag: null,
    storageClass: null,
  }))
  const folders = Array.from({ length: count / 10 }, (_, index) => ({
    prefix: `${pick(['Dir', 'dir', 'a'])} ${index}/`,
  }))
  return entriesOfPage({ folders, objects, nextToken: null }, '', false)
}

const keys = (rows: readonly Entry[]): string[] => rows.map(({ key }) => key)

/** Every row sorted by comparing them. */
const compared = (entries: readonly Entry[], column: SortColumn): SortedRows =>
  sortInto(noRowsSorted, entries, 0, column)

describe('sorting a listing', () => {
  it('sorts by size, date and type from the name order as comparing every row does', () => {
    const rows = rowsOf(3000, 3)
    const byName = compared(rows, 'name')
    for (const column of columns) {
      const keyed = sortedFromNames(byName, rows, extendRowKeys(noRowKeys, rows), column)
      const whole = compared(rows, column)
      for (const descending of [false, true]) {
        expect(keys(inOrder(rows, keyed, descending))).toEqual(
          keys(inOrder(rows, whole, descending)),
        )
      }
    }
  })

  it('falls back to comparing dates that are not in the form main sends', () => {
    const rows = entriesOfPage(
      {
        folders: [],
        objects: ['b', 'a', 'c'].map((key, index) => ({
          key,
          size: 1,
          lastModified: ['2026-01-02', '2026-01-01T00:00:00.000Z', null][index] ?? null,
          etag: null,
          storageClass: null,
        })),
        nextToken: null,
      },
      '',
      false,
    )
    const keyed = sortedFromNames(
      compared(rows, 'name'),
      rows,
      extendRowKeys(noRowKeys, rows),
      'modified',
    )
    expect(keys(inOrder(rows, keyed, false))).toEqual(['c', 'a', 'b'])
  })

  it('sorts digit runs by value: photo 9 before photo 10', () => {
    const rows = rowsOfKeys(
      Array.from({ length: 1000 }, (_, index) => `photo ${(index * 7919) % 1000}.jpg`),
      (index) => index,
    )
    const names = inOrder(rows, compared(rows, 'name'), false).map(({ name }) => name)
    expect(names.slice(8, 12)).toEqual([
      'photo 8.jpg',
      'photo 9.jpg',
      'photo 10.jpg',
      'photo 11.jpg',
    ])
    expect(names.at(-1)).toBe('photo 999.jpg')
  })

  it('merges pages in any order, before, between and after the rows so far', () => {
    // One date in another form: those rows are compared as text, the others by their keys.
    const rows = rowsOf(2000, 5, ['2026-01-15'])
    const next = random(9)
    // Pages cut from a shuffled listing, and from its name order (each page after the last).
    const shuffled = [...rows].sort(() => next() - 0.5)
    for (const source of [shuffled, inOrder(rows, compared(rows, 'name'), false)]) {
      for (const column of columns) {
        const whole = keys(inOrder(source, compared(source, column), false))
        let merged = noRowsSorted
        let keyed = noRowsSorted
        let rowKeys = noRowKeys
        for (let from = 0; from < source.length; from += 110) {
          const page = source.slice(0, from + 110)
          rowKeys = extendRowKeys(rowKeys, page)
          merged = sortInto(merged, page, from, column)
          keyed = sortInto(keyed, page, from, column, rowKeys)
        }
        expect(keys(inOrder(source, merged, false))).toEqual(whole)
        expect(keys(inOrder(source, keyed, false))).toEqual(whole)
      }
    }
  })

  it('keeps folders first in either direction, each read backwards when descending', () => {
    const rows = rowsOf(50, 8)
    const sorted = compared(rows, 'size')
    const ascending = inOrder(rows, sorted, false)
    expect(keys(inOrder(rows, sorted, true))).toEqual([
      ...keys(ascending.slice(0, 5)).reverse(),
      ...keys(ascending.slice(5)).reverse(),
    ])
    for (const descending of [false, true]) {
      const kinds = inOrder(rows, sorted, descending).map(({ kind }) => kind)
      expect(kinds.lastIndexOf('folder')).toBe(4)
      expect(kinds.indexOf('object')).toBe(5)
    }
  })

  it('shows only the rows a filter marks, in the sorted order', () => {
    const rows = rowsOf(100, 2)
    const shown = Uint8Array.from(rows, ({ kind, size }) =>
      kind === 'object' && size === 7 ? 1 : 0,
    )
    const sorted = compared(rows, 'name')
    const all = inOrder(rows, sorted, true)
    expect(keys(inOrder(rows, sorted, true, shown))).toEqual(
      keys(all.filter(({ kind, size }) => kind === 'object' && size === 7)),
    )
  })
})
