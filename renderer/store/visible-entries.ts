/**
 * The object browser's rows as shown: the listing sorted, then filtered. Memoised on the inputs'
 * identities, so a re-render, a selection change or a new page costs little on 100,000 rows.
 */
import type { AppState } from './app-state'
import type { Entry } from './object-entry'
import type { SortColumn, SortedEntries } from './sort-entries'
import { emptySorted, inOrder, sortedFromNames, sortInto } from './sort-entries'

type SortCache = {
  readonly listingId: number
  readonly byColumn: Map<SortColumn, { entries: readonly Entry[]; sorted: SortedEntries }>
}

let sortCache: SortCache = { listingId: -1, byColumn: new Map() }

/**
 * A listing only ever grows by pages at its end; anything else is a new listing id. A page is
 * merged into each column's order; a column sorted for the first time starts from the name order.
 */
const sortedOf = (
  listingId: number,
  entries: readonly Entry[],
  column: SortColumn,
): SortedEntries => {
  if (sortCache.listingId !== listingId) sortCache = { listingId, byColumn: new Map() }
  const cached = sortCache.byColumn.get(column)
  if (cached?.entries === entries) return cached.sorted
  const grown =
    cached !== undefined &&
    entries.length >= cached.entries.length &&
    entries[cached.entries.length - 1] === cached.entries[cached.entries.length - 1]
  const sorted = grown
    ? sortInto(cached.sorted, entries.slice(cached.entries.length), column)
    : column === 'name'
      ? sortInto(emptySorted, entries, column)
      : sortedFromNames(sortedOf(listingId, entries, 'name'), column)
  sortCache.byColumn.set(column, { entries, sorted })
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

const ordered = memo(inOrder)

const filtered = memo((rows: readonly Entry[], filter: string): readonly Entry[] => {
  const query = filter.normalize('NFC').toLowerCase()
  return query === '' ? rows : rows.filter((entry) => entry.folded.includes(query))
})

const noEntries: readonly Entry[] = []

export const selectVisibleEntries = (state: AppState): readonly Entry[] => {
  const { listing, sortOrder, filterText } = state
  if (!listing) return noEntries
  const sorted = sortedOf(listing.id, listing.entries, sortOrder.column)
  // In a bucket search the box holds the search text, which the server already applied.
  return filtered(ordered(sorted, sortOrder.descending), listing.search === null ? filterText : '')
}

const selectedOf = memo((rows: readonly Entry[], selected: ReadonlySet<string>) =>
  selected.size === 0 ? noEntries : rows.filter((entry) => selected.has(entry.key)),
)

/** The selected rows, in display order. */
export const selectSelectedEntries = (state: AppState): readonly Entry[] =>
  selectedOf(selectVisibleEntries(state), state.selectedKeys)

const countsOf = memo((sorted: SortedEntries) => ({
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
