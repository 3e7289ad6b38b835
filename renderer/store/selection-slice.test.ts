import { describe, expect, it } from 'vitest'
import { demo, names, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import type { Entry } from './object-entry'
import { entriesOfPage } from './object-entry'
import { emptySorted, inOrder, sortInto } from './sort-entries'
import { selectSelectedEntries, selectVisibleEntries } from './visible-entries'

const keys = ['b.txt', 'a.txt', 'file 10.txt', 'file 9.txt', 'zeta/x', 'alpha/y']

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

  it('filters as typed, selects all of what is shown and drops what the filter hides', async () => {
    const { store, visible, selected } = await setUp()
    store.getState().selectEntry('b.txt', 'replace')
    store.getState().setFilterText('FILE')
    expect(visible()).toEqual(['file 9.txt', 'file 10.txt'])
    expect(selected()).toEqual([])
    store.getState().selectAll()
    expect(selected()).toEqual(['file 9.txt', 'file 10.txt'])
  })

  it('matches a filter in either Unicode form without changing the names', async () => {
    const nfd = 'Cafe\u0301.txt'
    const { store } = await setUpBrowser({ demo: [nfd, 'other.txt'] })
    await openAndWait(store, demo)
    store.getState().setFilterText('caf\u00e9')
    expect(names(selectVisibleEntries(store.getState()))).toEqual([nfd])
  })

  it('merges pages as they arrive into the same order as sorting everything at once', () => {
    const page = (from: number): Entry[] =>
      entriesOfPage(
        {
          folders: [{ prefix: `dir ${from}/` }],
          objects: Array.from({ length: 50 }, (_, index) => ({
            key: `item ${(index * 7919 + from) % 1000}.bin`,
            size: (index * 31) % 17,
            lastModified: null,
            etag: null,
            storageClass: null,
          })),
          nextToken: null,
        },
        '',
        false,
      )
    const pages = [page(1), page(2), page(3)]
    for (const column of ['name', 'size', 'type', 'modified'] as const) {
      const merged = pages.reduce((sorted, rows) => sortInto(sorted, rows, column), emptySorted)
      const whole = sortInto(emptySorted, pages.flat(), column)
      expect(inOrder(merged, true)).toEqual(inOrder(whole, true))
    }
  })

  it('sorts 100,000 rows quickly', () => {
    const rows = entriesOfPage(
      {
        folders: [],
        objects: Array.from({ length: 100_000 }, (_, index) => ({
          key: `photo ${(index * 7919) % 100_000}.jpg`,
          size: index,
          lastModified: null,
          etag: null,
          storageClass: null,
        })),
        nextToken: null,
      },
      '',
      false,
    )
    const started = performance.now()
    const sorted = sortInto(emptySorted, rows, 'name')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(sorted.objects[0]?.name).toBe('photo 0.jpg')
    expect(sorted.objects[10]?.name).toBe('photo 10.jpg')
  })
})
