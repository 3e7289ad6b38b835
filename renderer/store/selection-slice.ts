/** Which rows are selected and focused, the filter and the sort order of the object browser. */
import type { SliceCreator } from './app-state'
import type { Entry } from './object-entry'
import type { SortColumn, SortOrder } from './sort-entries'
import { selectRowIndex, selectSelectedEntries, selectVisibleEntries } from './visible-entries'

/** How a click or a key changes the selection. */
export type SelectMode = 'replace' | 'toggle' | 'range'

export type SelectionSlice = {
  readonly selectedKeys: ReadonlySet<string>
  /** Where a Shift+click or Shift+arrow range starts. */
  readonly anchorKey: string | null
  /** The row the keyboard is on. */
  readonly focusKey: string | null
  readonly filterText: string
  readonly sortOrder: SortOrder
  selectEntry(key: string, mode: SelectMode): void
  /** Moves the keyboard focus by `delta` visible rows (clamped), extending the range or not. */
  moveFocus(delta: number, extend: boolean): void
  selectAll(): void
  clearSelection(): void
  setFilterText(text: string): void
  /** Sorts by a column; the same column again flips the direction. */
  sortBy(column: SortColumn): void
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => {
  const visibleRows = () => selectVisibleEntries(get())

  /** Where `key` is among the visible rows, or -1 (found without reading every row). */
  const indexOf = (key: string | null): number => selectRowIndex(get(), key)

  /** The keys from the anchor to `key` in visible order, or just `key` without an anchor. */
  const range = (anchor: string | null, key: string): Set<string> => {
    const rows = visibleRows()
    const to = indexOf(key)
    const from = indexOf(anchor)
    if (from === -1 || to === -1) return new Set([key])
    return new Set(rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((row) => row.key))
  }

  return {
    selectedKeys: new Set(),
    anchorKey: null,
    focusKey: null,
    filterText: '',
    sortOrder: { column: 'name', descending: false },

    selectEntry: (key, mode) => {
      const { selectedKeys, anchorKey } = get()
      if (mode === 'range') {
        set({ selectedKeys: range(anchorKey, key), focusKey: key, anchorKey: anchorKey ?? key })
        return
      }
      if (mode === 'toggle') {
        const next = new Set(selectedKeys)
        if (!next.delete(key)) next.add(key)
        set({ selectedKeys: next, focusKey: key, anchorKey: key })
        return
      }
      set({ selectedKeys: new Set([key]), focusKey: key, anchorKey: key })
    },

    moveFocus: (delta, extend) => {
      const rows = visibleRows()
      if (rows.length === 0) return
      const { focusKey, anchorKey } = get()
      const at = indexOf(focusKey)
      // With nothing focused yet, the first move lands on the first (or last) row.
      const target = at === -1 ? (delta < 0 ? rows.length - 1 : 0) : at + delta
      const { key } = rows[Math.max(0, Math.min(rows.length - 1, target))] as Entry
      if (extend) {
        const anchor = anchorKey ?? focusKey ?? key
        set({ selectedKeys: range(anchor, key), focusKey: key, anchorKey: anchor })
      } else {
        set({ selectedKeys: new Set([key]), focusKey: key, anchorKey: key })
      }
    },

    selectAll: () => set({ selectedKeys: new Set(visibleRows().map((row) => row.key)) }),

    clearSelection: () => set({ selectedKeys: new Set(), anchorKey: null }),

    setFilterText: (filterText) => {
      set({ filterText })
      // What the filter hides is no longer selected: actions act only on rows in view.
      const { selectedKeys } = get()
      if (selectedKeys.size === 0) return
      // The selected rows still shown, found by their keys' hashes: testing every visible row
      // against the selection would read (and hash) every key of a large listing.
      const kept = selectSelectedEntries(get())
      if (kept.length !== selectedKeys.size) {
        set({ selectedKeys: new Set(kept.map((row) => row.key)) })
      }
    },

    sortBy: (column) =>
      set(({ sortOrder }) => ({
        sortOrder: {
          column,
          descending: sortOrder.column === column ? !sortOrder.descending : false,
        },
      })),
  }
}
