import { describe, expect, it } from 'vitest'
import type { Entry } from './object-entry'
import { entriesOfPage } from './object-entry'
import type { SortColumn } from './sort-entries'
import { emptySorted, inOrder, sortedFromNames, sortInto } from './sort-entries'

const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}

const columns: readonly SortColumn[] = ['name', 'size', 'modified', 'type']

/** Rows with ties in every column: few sizes, dates and types, names that differ in case. */
const rowsOf = (count: number, seed: number): Entry[] => {
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

describe('sorting a listing', () => {
  it('sorts by size, date and type from the name order as comparing every row does', () => {
    const rows = rowsOf(3000, 3)
    const byName = sortInto(emptySorted, rows, 'name')
    for (const column of columns) {
      const compared = sortInto(emptySorted, rows, column)
      const keyed = sortedFromNames(byName, column)
      for (const descending of [false, true]) {
        expect(keys(inOrder(keyed, descending))).toEqual(keys(inOrder(compared, descending)))
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
    const keyed = sortedFromNames(sortInto(emptySorted, rows, 'name'), 'modified')
    expect(keys(inOrder(keyed, false))).toEqual(['c', 'a', 'b'])
  })

  it('merges pages in any order, before, between and after the rows so far', () => {
    const rows = rowsOf(2000, 5)
    const next = random(9)
    // Pages cut from a shuffled listing, and from its name order (each page after the last).
    const shuffled = [...rows].sort(() => next() - 0.5)
    for (const source of [shuffled, inOrder(sortInto(emptySorted, rows, 'name'), false)]) {
      const pages = Array.from({ length: 20 }, (_, page) =>
        source.slice(page * 110, page * 110 + 110),
      )
      for (const column of columns) {
        const merged = pages.reduce((sorted, page) => sortInto(sorted, page, column), emptySorted)
        const whole = sortInto(emptySorted, source, column)
        expect(keys(inOrder(merged, false))).toEqual(keys(inOrder(whole, false)))
      }
    }
  })

  it('keeps folders first in either direction, each read backwards when descending', () => {
    const rows = rowsOf(50, 8)
    const sorted = sortInto(emptySorted, rows, 'size')
    expect(keys(inOrder(sorted, true))).toEqual([
      ...keys(sorted.folders).reverse(),
      ...keys(sorted.objects).reverse(),
    ])
    for (const descending of [false, true]) {
      const kinds = inOrder(sorted, descending).map(({ kind }) => kind)
      expect(kinds.lastIndexOf('folder')).toBe(4)
      expect(kinds.indexOf('object')).toBe(5)
    }
  })
})
