/**
 * Sorting a listing fast enough for 1,000,000 rows: plain comparisons of precomputed keys, folders
 * before objects, pages that arrive while a listing loads merged in rather than re-sorted, and a
 * whole listing sorted by size, date or type from its name order by radix.
 */
import type { Entry } from './object-entry'
import { stableOrderByKeys } from './radix-order'
import type { KeyedColumn } from './sort-keys'
import { columnKeys } from './sort-keys'

export type SortColumn = 'name' | 'size' | 'modified' | 'type'

export type SortOrder = { readonly column: SortColumn; readonly descending: boolean }

/** Ascending, folders and objects apart: descending is the same lists read backwards. */
export type SortedEntries = {
  readonly folders: readonly Entry[]
  readonly objects: readonly Entry[]
}

type Compare = (a: Entry, b: Entry) => number

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

// Names can tie after folding ('A' and 'a', NFC and NFD): the exact name, then the key decide.
const byName: Compare = (a, b) =>
  compareText(a.sortKey, b.sortKey) || compareText(a.name, b.name) || compareText(a.key, b.key)

const comparators: Readonly<Record<SortColumn, Compare>> = {
  name: byName,
  size: (a, b) => (a.size ?? 0) - (b.size ?? 0) || byName(a, b),
  modified: (a, b) => compareText(a.lastModified ?? '', b.lastModified ?? '') || byName(a, b),
  type: (a, b) => compareText(a.type, b.type) || byName(a, b),
}

/**
 * `added` sorted into `sorted`. Each added row finds its place by binary search and the rows
 * between are copied, so a page costs comparisons for its own rows only, not for every row
 * listed so far; a page that sorts after everything (the name order of most listings, which
 * arrive in key order) is one copy.
 */
const merge = (sorted: readonly Entry[], added: Entry[], compare: Compare): readonly Entry[] => {
  if (added.length === 0) return sorted
  added.sort(compare)
  const last = sorted.at(-1)
  if (last === undefined || compare(last, added[0] as Entry) <= 0) return sorted.concat(added)
  const merged = new Array<Entry>(sorted.length + added.length)
  let from = 0
  let to = 0
  for (const entry of added) {
    let low = from
    let high = sorted.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compare(sorted[middle] as Entry, entry) <= 0) low = middle + 1
      else high = middle
    }
    while (from < low) merged[to++] = sorted[from++] as Entry
    merged[to++] = entry
  }
  while (from < sorted.length) merged[to++] = sorted[from++] as Entry
  return merged
}

/** Sorts `added` into `base` (ascending, folders apart). */
export const sortInto = (
  base: SortedEntries,
  added: readonly Entry[],
  column: SortColumn,
): SortedEntries => {
  const compare = comparators[column]
  return {
    folders: merge(
      base.folders,
      added.filter((entry) => entry.kind === 'folder'),
      compare,
    ),
    objects: merge(
      base.objects,
      added.filter((entry) => entry.kind === 'object'),
      compare,
    ),
  }
}

export const emptySorted: SortedEntries = { folders: [], objects: [] }

const byKeys = (rows: readonly Entry[], column: KeyedColumn): readonly Entry[] => {
  const keys = columnKeys(rows, column)
  const order = keys && stableOrderByKeys(keys)
  if (!order) return [...rows].sort(comparators[column])
  const sorted = new Array<Entry>(rows.length)
  for (let at = 0; at < order.length; at += 1) sorted[at] = rows[order[at] as number] as Entry
  return sorted
}

/**
 * A whole listing sorted by `column`, from the same rows sorted by name: a stable sort by the
 * column's key alone keeps the name order among equal keys, which is what the comparators ask.
 */
export const sortedFromNames = (byName: SortedEntries, column: SortColumn): SortedEntries =>
  column === 'name'
    ? byName
    : { folders: byKeys(byName.folders, column), objects: byKeys(byName.objects, column) }

const reversed = (rows: readonly Entry[], into: Entry[], from: number): void => {
  for (let at = 0; at < rows.length; at += 1) into[from + at] = rows[rows.length - 1 - at] as Entry
}

/** The rows in display order: folders first in either direction. */
export const inOrder = (sorted: SortedEntries, descending: boolean): readonly Entry[] => {
  if (!descending) return sorted.folders.concat(sorted.objects)
  const rows = new Array<Entry>(sorted.folders.length + sorted.objects.length)
  reversed(sorted.folders, rows, 0)
  reversed(sorted.objects, rows, sorted.folders.length)
  return rows
}
