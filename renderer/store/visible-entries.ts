/**
 * The object browser's rows as shown: the listing sorted, then filtered. Memoised on the inputs'
 * identities, so a re-render, a selection change or a new page costs little on 1,000,000 rows:
 * a page is merged into the sort orders and appended to the names' text, never the whole listing
 * sorted or read again.
 */
import type { AppState } from './app-state'
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
}

let cache: ListingCache = { listingId: -1, byColumn: new Map(), names: null, keys: null }

const cacheFor = (listingId: number): ListingCache => {
  if (cache.listingId !== listingId) {
    cache = { listingId, byColumn: new Map(), names: null, keys: null }
  }
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
 * The names' text and the rows' size and date keys: kept up as pages arrive, so that the first key
 * typed in the filter, or the first click on a column, finds them ready.
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
      ? sortInto(cached.value, entries, from, column)
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

export const selectVisibleEntries = (state: AppState): readonly Entry[] => {
  const { listing, sortOrder, filterText } = state
  if (!listing) return noEntries
  const { id, entries, search } = listing
  const sorted = sortedOf(id, entries, sortOrder.column)
  keysOf(id, entries)
  // In a bucket search the box holds the search text, which the server already applied.
  const shown = search === null ? shownOf(namesOf(id, entries), filterText) : null
  return rowsOf(entries, sorted, sortOrder.descending, shown)
}

const selectedOf = memo((rows: readonly Entry[], selected: ReadonlySet<string>) =>
  selected.size === 0 ? noEntries : rows.filter((entry) => selected.has(entry.key)),
)

/** The selected rows, in display order. */
export const selectSelectedEntries = (state: AppState): readonly Entry[] =>
  selectedOf(selectVisibleEntries(state), state.selectedKeys)

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
