import { describe, expect, it, vi } from 'vitest'
import { demo, names, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import { selectRowIndex, selectSelectedEntries, selectVisibleEntries } from './visible-entries'

const keys = ['b.txt', 'a.txt', 'file 10.txt', 'file 9.txt', 'zeta/x', 'alpha/y']

type Store = Awaited<ReturnType<typeof setUpBrowser>>['store']

const visibleNames = (store: Store): string[] => names(selectVisibleEntries(store.getState()))

/** What the table should show, worked out the slow way from the listing's rows. */
const expected = (store: Store): string[] => {
  const { listing, filterText, sortOrder } = store.getState()
  const query = filterText.toLowerCase()
  const collator = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  const natural = (name: string) => name.toLowerCase().replace(/\d+/g, (d) => d.padStart(20, '0'))
  const rows = (listing?.entries ?? []).filter(({ name }) => name.toLowerCase().includes(query))
  const byName = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    collator(natural(a.name), natural(b.name)) || collator(a.name, b.name)
  const sorted = (kind: string) => {
    const part = rows
      .filter((row) => row.kind === kind)
      .sort((a, b) =>
        sortOrder.column === 'size' ? (a.size ?? 0) - (b.size ?? 0) || byName(a, b) : byName(a, b),
      )
    return sortOrder.descending ? part.reverse() : part
  }
  return names([...sorted('folder'), ...sorted('object')])
}

const setUp = async () => {
  const { store } = await setUpBrowser({ demo: keys })
  await openAndWait(store, demo)
  const visible = () => names(selectVisibleEntries(store.getState()))
  const selected = () => names(selectSelectedEntries(store.getState()))
  return { store, visible, selected }
}

describe('selecting, filtering and sorting rows', () => {
  it('sorts folders first and numbers by value, and flips the direction', async () => {
    const { store, visible } = await setUp()
    expect(visible()).toEqual(['alpha', 'zeta', 'a.txt', 'b.txt', 'file 9.txt', 'file 10.txt'])
    store.getState().sortBy('name')
    expect(visible()).toEqual(['zeta', 'alpha', 'file 10.txt', 'file 9.txt', 'b.txt', 'a.txt'])
    store.getState().sortBy('size')
    expect(store.getState().sortOrder).toEqual({ column: 'size', descending: false })
    expect(visible().slice(0, 2)).toEqual(['alpha', 'zeta'])
  })

  it('selects by click, toggle and range, and extends with the arrow keys', async () => {
    const { store, selected } = await setUp()
    store.getState().selectEntry('a.txt', 'replace')
    store.getState().selectEntry('file 9.txt', 'range')
    expect(selected()).toEqual(['a.txt', 'b.txt', 'file 9.txt'])
    store.getState().selectEntry('b.txt', 'toggle')
    expect(selected()).toEqual(['a.txt', 'file 9.txt'])
    store.getState().selectEntry('alpha/', 'replace')
    store.getState().moveFocus(1, true)
    store.getState().moveFocus(1, true)
    expect(selected()).toEqual(['alpha', 'zeta', 'a.txt'])
    store.getState().moveFocus(-1, false)
    expect(selected()).toEqual(['zeta'])
    store.getState().moveFocus(100, false)
    expect(selected()).toEqual(['file 10.txt'])
  })

  it('hands the selected rows over in the order shown, whichever the sort', async () => {
    const { store, selected } = await setUp()
    store.getState().selectEntry('a.txt', 'replace')
    store.getState().selectEntry('file 10.txt', 'toggle')
    store.getState().selectEntry('zeta/', 'toggle')
    expect(selected()).toEqual(['zeta', 'a.txt', 'file 10.txt'])
    store.getState().sortBy('name')
    expect(selected()).toEqual(['zeta', 'file 10.txt', 'a.txt'])
  })

  it('filters as typed, selects all of what is shown and drops what the filter hides', async () => {
    const { store, visible, selected } = await setUp()
    store.getState().selectEntry('b.txt', 'replace')
    store.getState().setFilterText('FILE')
    expect(visible()).toEqual(['file 9.txt', 'file 10.txt'])
    expect(selected()).toEqual([])
    store.getState().selectAll()
    expect(selected()).toEqual(['file 9.txt', 'file 10.txt'])
    // The selection itself loses what a narrower filter hides, not only the rows shown of it.
    store.getState().setFilterText('file 1')
    expect([...store.getState().selectedKeys]).toEqual(['file 10.txt'])
  })

  it('matches a filter in either Unicode form without changing the names', async () => {
    const nfd = 'Cafe\u0301.txt'
    const { store } = await setUpBrowser({ demo: [nfd, 'other.txt'] })
    await openAndWait(store, demo)
    store.getState().setFilterText('caf\u00e9')
    expect(names(selectVisibleEntries(store.getState()))).toEqual([nfd])
  })

  it('keeps the filter and the sort right while pages arrive, and after', async () => {
    // Names that do not arrive in name order (upper case first in key order), sizes with ties.
    const seeds = Array.from({ length: 2600 }, (_, index) => ({
      key: `${index % 2 === 0 ? 'Item' : 'item'} ${(index * 7919) % 2600}.bin`,
      size: index % 13,
    }))
    const { store } = await setUpBrowser({ demo: [...seeds, 'dir 7/x'] }, { delayMs: 40 })
    store.getState().openLocation(demo)
    await vi.waitFor(() => expect(store.getState().listing?.entries.length).toBe(1000))
    store.getState().setFilterText('M 7')
    store.getState().sortBy('size')
    // Read while loading, so that later pages are merged into what was derived from the first.
    expect(store.getState().listing?.status.state).toBe('loading')
    expect(visibleNames(store)).toEqual(expected(store))
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    expect(store.getState().listing?.entries.length).toBe(2601)
    const shown = visibleNames(store)
    expect(shown).toEqual(expected(store))
    expect(shown.length).toBeGreaterThan(100)
    // Each row's place, found by its key's hash, is where it is shown; a hidden row has none.
    const rows = selectVisibleEntries(store.getState())
    for (const at of [0, 1, 57, rows.length - 1]) {
      expect(selectRowIndex(store.getState(), rows[at]?.key ?? null)).toBe(at)
    }
    expect(selectRowIndex(store.getState(), 'item 1.bin')).toBe(-1)
    store.getState().setFilterText('')
    expect(visibleNames(store)).toEqual(expected(store))
    store.getState().sortBy('size')
    expect(visibleNames(store)).toEqual(expected(store))
  })
})
