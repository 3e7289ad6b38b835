/**
 * The object browser's rows as shown: the listing sorted, then filtered. Memoised on the inputs'
 * identities, so a re-render, a selection change or a new page costs little on 1,000,000 rows:
 * a page is merged into the sort orders and appended to the names' text, never the whole listing
 * sorted or read again.
 */
import type { AppState } from './app-state'
import type { KeyHashes } from './key-lookup'
import { extendKeyHashes, noKeyHashes, rowsWithKeys } from './key-lookup'
import type { NameIndex } from './name-search'
import { emptyNameIndex, extendNameIndex, rowsContaining } from './name-search'
import type { Entry } from './object-entry'
import type { SortColumn, SortedRows } from './sort-entries'
import { inOrder, noRowsSorted, sortedFromNames, sortInto } from './sort-entries'
import type { RowKeys } from './sort-keys'
import { extendRowKeys, noRowKeys } from './sort-keys'

/** What was derived from a listing's entries, and for which array of them. */
type Derived<T> = { readonly entries: readonly Entry[]; readonly value: T }

type ListingCache = {
  readonly listingId: number
  readonly byColumn: Map<SortColumn, Derived<SortedRows>>
  names: Derived<NameIndex> | null
  keys: Derived<RowKeys> | null
  hashes: Derived<KeyHashes> | null
}

const noCache = (listingId: number): ListingCache => ({
  listingId,
  byColumn: new Map(),
  names: null,
  keys: null,
  hashes: null,
})

let cache: ListingCache = noCache(-1)

const cacheFor = (listingId: number): ListingCache => {
  if (cache.listingId !== listingId) cache = noCache(listingId)
  return cache
}

/** How many of `entries` were there when `derived` was made, or -1 if it is not their start. */
const grownFrom = (derived: Derived<unknown> | null | undefined, entries: readonly Entry[]) => {
  if (!derived) return -1
  const count = derived.entries.length
  // A listing only ever grows by pages at its end; anything else is a new listing id.
  return entries.length >= count && entries[count - 1] === derived.entries[count - 1] ? count : -1
}

/** `derived` extended by the rows of `entries` it lacks, or made anew when they are not its. */
const extended = <T>(
  derived: Derived<T> | null,
  entries: readonly Entry[],
  empty: T,
  extend: (value: T, entries: readonly Entry[]) => T,
): Derived<T> => {
  if (derived?.entries === entries) return derived
  const base = derived && grownFrom(derived, entries) !== -1 ? derived.value : empty
  return { entries, value: extend(base, entries) }
}

/**
 * The names' text, the rows' size and date keys and their keys' hashes: kept up as pages arrive,
 * so that the first key typed in the filter, the first click on a column or on a row finds them
 * ready.
 */
const namesOf = (listingId: number, entries: readonly Entry[]): NameIndex => {
  const listingCache = cacheFor(listingId)
  listingCache.names = extended(listingCache.names, entries, emptyNameIndex, extendNameIndex)
  return listingCache.names.value
}

const keysOf = (listingId: number, entries: readonly Entry[]): RowKeys => {
  const listingCache = cacheFor(listingId)
  listingCache.keys = extended(listingCache.keys, entries, noRowKeys, extendRowKeys)
  return listingCache.keys.value
}

const hashesOf = (listingId: number, entries: readonly Entry[]): KeyHashes => {
  const listingCache = cacheFor(listingId)
  listingCache.hashes = extended(listingCache.hashes, entries, noKeyHashes, extendKeyHashes)
  return listingCache.hashes.value
}

/**
 * A page is merged into each column's order; a column sorted for the first time starts from the
 * name order.
 */
const sortedOf = (listingId: number, entries: readonly Entry[], column: SortColumn): SortedRows => {
  const { byColumn } = cacheFor(listingId)
  const cached = byColumn.get(column)
  if (cached?.entries === entries) return cached.value
  const from = grownFrom(cached, entries)
  const sorted =
    cached && from !== -1
      ? sortInto(cached.value, entries, from, column, keysOf(listingId, entries))
      : column === 'name'
        ? sortInto(noRowsSorted, entries, 0, column)
        : sortedFromNames(
            sortedOf(listingId, entries, 'name'),
            entries,
            keysOf(listingId, entries),
            column,
          )
  byColumn.set(column, { entries, value: sorted })
  return sorted
}

const memo = <Args extends readonly unknown[], Result>(compute: (...args: Args) => Result) => {
  let last: { args: Args; result: Result } | null = null
  return (...args: Args): Result => {
    if (last && args.every((arg, index) => Object.is(arg, last?.args[index]))) return last.result
    last = { args, result: compute(...args) }
    return last.result
  }
}

const shownOf = memo((names: NameIndex, filter: string): Uint8Array | null => {
  const query = filter.normalize('NFC').toLowerCase()
  return query === '' ? null : rowsContaining(names, query)
})

const rowsOf = memo(inOrder)

const noEntries: readonly Entry[] = []

/** The listing's order for the sort, and which rows the filter shows (null: all of them). */
const shownParts = (
  state: AppState,
): { readonly sorted: SortedRows; readonly shown: Uint8Array | null } | null => {
  const { listing, sortOrder, filterText } = state
  if (!listing) return null
  const { id, entries, search } = listing
  const sorted = sortedOf(id, entries, sortOrder.column)
  keysOf(id, entries)
  hashesOf(id, entries)
  // In a bucket search the box holds the search text, which the server already applied.
  const shown = search === null ? shownOf(namesOf(id, entries), filterText) : null
  return { sorted, shown }
}

export const selectVisibleEntries = (state: AppState): readonly Entry[] => {
  const parts = shownParts(state)
  if (!parts || !state.listing) return noEntries
  return rowsOf(state.listing.entries, parts.sorted, state.sortOrder.descending, parts.shown)
}

const selectedRowsOf = memo(rowsWithKeys)

const selectedOf = memo(
  (
    entries: readonly Entry[],
    sorted: SortedRows,
    descending: boolean,
    shown: Uint8Array | null,
    rows: readonly number[],
  ): readonly Entry[] => {
    if (rows.length === 0) return noEntries
    const marked = new Uint8Array(entries.length)
    for (const row of rows) if (shown === null || shown[row] === 1) marked[row] = 1
    return inOrder(entries, sorted, descending, marked)
  },
)

/** The selected rows, in display order (those the filter shows). */
export const selectSelectedEntries = (state: AppState): readonly Entry[] => {
  const { listing, selectedKeys, sortOrder } = state
  const parts = shownParts(state)
  if (!listing || !parts || selectedKeys.size === 0) return noEntries
  const { id, entries } = listing
  const rows = selectedRowsOf(entries, hashesOf(id, entries), selectedKeys)
  return selectedOf(entries, parts.sorted, sortOrder.descending, parts.shown, rows)
}

/**
 * Where `key` is among the rows shown, or -1: its row found by its hash, then its place counted
 * in the order's numbers, never reading the rows.
 */
const indexAmongShown = (
  entries: readonly Entry[],
  hashes: KeyHashes,
  sorted: SortedRows,
  descending: boolean,
  shown: Uint8Array | null,
  key: string | null,
): number => {
  if (key === null) return -1
  const [row] = rowsWithKeys(entries, hashes, new Set([key]))
  if (row === undefined || (shown !== null && shown[row] !== 1)) return -1
  let at = 0
  for (const part of [sorted.folders, sorted.objects]) {
    const count = part.length
    for (let step = 0; step < count; step += 1) {
      const other = part[descending ? count - 1 - step : step] as number
      if (other === row) return at
      if (shown === null || shown[other] === 1) at += 1
    }
  }
  return -1
}

const rowIndexOf = (state: AppState, key: string | null, find: typeof indexAmongShown): number => {
  const { listing, sortOrder } = state
  const parts = shownParts(state)
  if (!listing || !parts) return -1
  const { id, entries } = listing
  return find(entries, hashesOf(id, entries), parts.sorted, sortOrder.descending, parts.shown, key)
}

const anyRowIndex = memo(indexAmongShown)
const focusRowIndex = memo(indexAmongShown)

/** Where the row of `key` is among the rows shown, or -1 when it is not shown. */
export const selectRowIndex = (state: AppState, key: string | null): number =>
  rowIndexOf(state, key, anyRowIndex)

/** Where the keyboard's row is among the rows shown, or -1. */
export const selectFocusIndex = (state: AppState): number =>
  rowIndexOf(state, state.focusKey, focusRowIndex)

const countsOf = memo((sorted: SortedRows) => ({
  folders: sorted.folders.length,
  objects: sorted.objects.length,
}))

/** How many folders and objects the open listing holds (before the filter). */
export const selectListingCounts = (
  state: AppState,
): { readonly folders: number; readonly objects: number } | null =>
  // The sorted rows keep folders and objects apart already: counting them again would cost a
  // pass over every row each time a page arrives.
  state.listing
    ? countsOf(sortedOf(state.listing.id, state.listing.entries, state.sortOrder.column))
    : null
