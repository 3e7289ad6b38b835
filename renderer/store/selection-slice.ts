/** Which rows are selected and focused, the filter and the sort order of the object browser. */
import type { SliceCreator } from './app-state'
import type { SortColumn, SortOrder } from './sort-entries'
import { selectVisibleEntries } from './visible-entries'

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
  const visibleKeys = (): readonly string[] => selectVisibleEntries(get()).map(({ key }) => key)

  /** The keys from the anchor to `key` in visible order, or just `key` without an anchor. */
  const range = (anchor: string | null, key: string): Set<string> => {
    const keys = visibleKeys()
    const to = keys.indexOf(key)
    const from = anchor === null ? -1 : keys.indexOf(anchor)
    if (from === -1 || to === -1) return new Set([key])
    return new Set(keys.slice(Math.min(from, to), Math.max(from, to) + 1))
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
      const keys = visibleKeys()
      if (keys.length === 0) return
      const { focusKey, anchorKey } = get()
      const at = focusKey === null ? -1 : keys.indexOf(focusKey)
      // With nothing focused yet, the first move lands on the first (or last) row.
      const target = at === -1 ? (delta < 0 ? keys.length - 1 : 0) : at + delta
      const key = keys[Math.max(0, Math.min(keys.length - 1, target))] as string
      if (extend) {
        const anchor = anchorKey ?? focusKey ?? key
        set({ selectedKeys: range(anchor, key), focusKey: key, anchorKey: anchor })
      } else {
        set({ selectedKeys: new Set([key]), focusKey: key, anchorKey: key })
      }
    },

    selectAll: () => set({ selectedKeys: new Set(visibleKeys()) }),

    clearSelection: () => set({ selectedKeys: new Set(), anchorKey: null }),

    setFilterText: (filterText) => {
      set({ filterText })
      // What the filter hides is no longer selected: actions act only on rows in view.
      const { selectedKeys } = get()
      if (selectedKeys.size === 0) return
      const visible = new Set(visibleKeys())
      const kept = [...selectedKeys].filter((key) => visible.has(key))
      if (kept.length !== selectedKeys.size) set({ selectedKeys: new Set(kept) })
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
