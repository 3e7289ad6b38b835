/**
 * Sorting a listing fast enough for 1,000,000 rows. An order is a permutation of the listing's
 * row indices, folders apart from objects, so reversing, filtering and showing it copies numbers
 * without reading the rows again. Pages that arrive while a listing loads are merged in by binary
 * search; a whole listing is sorted by size, date or type from its name order by radix.
 */
import type { Entry } from './object-entry'
import { stableOrderByKeys } from './radix-order'
import type { KeyedColumn, RowKeys } from './sort-keys'
import { columnKeys } from './sort-keys'

export type SortColumn = 'name' | 'size' | 'modified' | 'type'

export type SortOrder = { readonly column: SortColumn; readonly descending: boolean }

/**
 * A listing's rows in one column's ascending order, as indices into its entries, folders and
 * objects apart: descending is the same lists read backwards.
 */
export type SortedRows = { readonly folders: Uint32Array; readonly objects: Uint32Array }

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

const byIndex =
  (entries: readonly Entry[], compare: Compare) =>
  (a: number, b: number): number =>
    compare(entries[a] as Entry, entries[b] as Entry)

/**
 * Comparing rows by their size or date key first, read from `rowKeys` by row index: only rows
 * with equal keys are read (for their names); a date in another form (a NaN key) is compared as
 * text, which orders the other dates as their keys do.
 */
const byRowKeys = (
  entries: readonly Entry[],
  rowKeys: RowKeys,
  column: 'size' | 'modified',
): ((a: number, b: number) => number) => {
  const keys = column === 'size' ? rowKeys.sizes : rowKeys.dates
  const compare = comparators[column]
  return (a, b) => {
    const difference = (keys[a] as number) - (keys[b] as number)
    if (difference < 0) return -1
    if (difference > 0) return 1
    const left = entries[a] as Entry
    const right = entries[b] as Entry
    return difference === 0 ? byName(left, right) : compare(left, right)
  }
}

export const noRowsSorted: SortedRows = {
  folders: new Uint32Array(0),
  objects: new Uint32Array(0),
}

/**
 * `added` sorted into `sorted`. Each added row finds its place by binary search and the rows
 * between are copied as a block, so a page costs comparisons for its own rows only, not for every
 * row listed so far; a page that sorts after everything (the name order of most listings, which
 * arrive in key order) is one copy.
 */
const merge = (
  sorted: Uint32Array,
  added: number[],
  compare: (a: number, b: number) => number,
): Uint32Array => {
  if (added.length === 0) return sorted
  added.sort(compare)
  const merged = new Uint32Array(sorted.length + added.length)
  const last = sorted.at(-1)
  if (last === undefined || compare(last, added[0] as number) <= 0) {
    merged.set(sorted)
    merged.set(added, sorted.length)
    return merged
  }
  let from = 0
  let to = 0
  for (const row of added) {
    // Galloping: the next place is usually near the last, so the search widens from there.
    let step = 1
    while (from + step < sorted.length && compare(sorted[from + step] as number, row) <= 0) {
      step *= 2
    }
    // The place is past from + step / 2 (that row sorts before) and at most from + step.
    let low = from + (step >>> 1)
    let high = Math.min(sorted.length, from + step)
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compare(sorted[middle] as number, row) <= 0) low = middle + 1
      else high = middle
    }
    // Short runs are copied by hand: a view per run would make garbage for every added row.
    if (low - from < 64) {
      while (from < low) merged[to++] = sorted[from++] as number
    } else {
      merged.set(sorted.subarray(from, low), to)
      to += low - from
      from = low
    }
    merged[to++] = row
  }
  merged.set(sorted.subarray(from), to)
  return merged
}

/**
 * Sorts the rows of `entries` from index `from` on into `base` (ascending, folders apart). With
 * `rowKeys` (holding every row of `entries`), sizes and dates are compared as numbers.
 */
export const sortInto = (
  base: SortedRows,
  entries: readonly Entry[],
  from: number,
  column: SortColumn,
  rowKeys: RowKeys | null = null,
): SortedRows => {
  const folders: number[] = []
  const objects: number[] = []
  for (let row = from; row < entries.length; row += 1) {
    if ((entries[row] as Entry).kind === 'folder') folders.push(row)
    else objects.push(row)
  }
  const compare =
    rowKeys && (column === 'size' || column === 'modified')
      ? byRowKeys(entries, rowKeys, column)
      : byIndex(entries, comparators[column])
  return {
    folders: merge(base.folders, folders, compare),
    objects: merge(base.objects, objects, compare),
  }
}

const byKeys = (
  entries: readonly Entry[],
  rowKeys: RowKeys,
  rows: Uint32Array,
  column: KeyedColumn,
): Uint32Array => {
  const keys = columnKeys(entries, rowKeys, rows, column)
  const order = keys && stableOrderByKeys(keys)
  if (!order) return rows.slice().sort(byIndex(entries, comparators[column]))
  const sorted = new Uint32Array(rows.length)
  for (let at = 0; at < order.length; at += 1) sorted[at] = rows[order[at] as number] as number
  return sorted
}

/**
 * A whole listing sorted by `column`, from the same rows sorted by name: a stable sort by the
 * column's key alone keeps the name order among equal keys, which is what the comparators ask.
 * `rowKeys` holds the keys of every row of `entries`.
 */
export const sortedFromNames = (
  byName: SortedRows,
  entries: readonly Entry[],
  rowKeys: RowKeys,
  column: SortColumn,
): SortedRows =>
  column === 'name'
    ? byName
    : {
        folders: byKeys(entries, rowKeys, byName.folders, column),
        objects: byKeys(entries, rowKeys, byName.objects, column),
      }

/**
 * The rows in display order, folders first in either direction; with `shown` (a flag per row
 * index), only the rows it marks.
 */
export const inOrder = (
  entries: readonly Entry[],
  sorted: SortedRows,
  descending: boolean,
  shown: Uint8Array | null = null,
): readonly Entry[] => {
  // Without a filter every row is shown: an array of the right length is filled, not grown.
  const rows: Entry[] =
    shown === null ? new Array<Entry>(sorted.folders.length + sorted.objects.length) : []
  let to = 0
  for (const part of [sorted.folders, sorted.objects]) {
    const count = part.length
    for (let at = 0; at < count; at += 1) {
      const row = part[descending ? count - 1 - at : at] as number
      if (shown === null || shown[row] === 1) rows[to++] = entries[row] as Entry
    }
  }
  return rows
}
