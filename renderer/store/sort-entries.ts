/**
 * Sorting a listing fast enough for 100,000 rows: plain comparisons of precomputed keys, folders
 * before objects, and pages that arrive while a listing loads merged in rather than re-sorted.
 */
import type { Entry } from './object-entry'

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

const merge = (sorted: readonly Entry[], added: Entry[], compare: Compare): Entry[] => {
  if (added.length === 0) return sorted as Entry[]
  added.sort(compare)
  const merged = new Array<Entry>(sorted.length + added.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < sorted.length && j < added.length) {
    const left = sorted[i] as Entry
    const right = added[j] as Entry
    if (compare(left, right) <= 0) {
      merged[k++] = left
      i += 1
    } else {
      merged[k++] = right
      j += 1
    }
  }
  while (i < sorted.length) merged[k++] = sorted[i++] as Entry
  while (j < added.length) merged[k++] = added[j++] as Entry
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

/** The rows in display order: folders first in either direction. */
export const inOrder = (sorted: SortedEntries, descending: boolean): readonly Entry[] =>
  descending
    ? [...sorted.folders].reverse().concat([...sorted.objects].reverse())
    : sorted.folders.concat(sorted.objects)
