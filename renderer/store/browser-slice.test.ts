import { describe, expect, it, vi } from 'vitest'
import { RESEARCH_MAX_REQUESTS } from './browser-slice'
import { demo, names, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import { selectVisibleEntries } from './visible-entries'

const many = (count: number, prefix = '') =>
  Array.from({ length: count }, (_, index) => `${prefix}file-${String(index).padStart(5, '0')}`)

describe('the object browser listing', () => {
  it('lists a folder page by page, showing the first rows before the last page', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: many(2500) }, { delayMs: 60 })
    store.getState().openLocation(demo)
    await vi.waitFor(() => expect(store.getState().listing?.entries.length).toBe(1000))
    expect(store.getState().listing?.status.state).toBe('loading')
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    expect(store.getState().listing?.entries).toHaveLength(2500)
    const lists = callsOf('objects.list').map(({ request }) => request)
    expect(lists).toHaveLength(3)
    expect(lists[0]).toMatchObject({ prefix: '', recursive: false, maxKeys: 1000 })
    expect(lists[1]).toMatchObject({ continuationToken: 'file-00999' })
    // Never a request per object.
    expect(callsOf('objects.head')).toHaveLength(0)
  })

  it('shows the first page at once, then new rows in batches, not one update per page', async () => {
    // Only the clock the listing reads is frozen: every page after the first arrives "at once".
    vi.useFakeTimers({ toFake: ['performance'] })
    try {
      const { store } = await setUpBrowser({ demo: many(30_000) })
      const shown: number[] = []
      store.subscribe((state, previous) => {
        const entries = state.listing?.entries
        if (entries?.length && entries !== previous.listing?.entries) shown.push(entries.length)
      })
      store.getState().openLocation(demo)
      // Not vi.waitFor: it would move the frozen clock on.
      while (store.getState().listing?.status.state !== 'complete') {
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      expect(shown).toEqual([1000, 30_000])
    } finally {
      vi.useRealTimers()
    }
  })

  it('drops the answers of a folder the user has left', async () => {
    const { store } = await setUpBrowser(
      { demo: [...many(3000, 'big/'), 'small/only.txt'] },
      { delayMs: 60 },
    )
    store.getState().openLocation({ ...demo, prefix: 'big/' })
    await vi.waitFor(() => expect(store.getState().listing?.entries.length).toBe(1000))
    store.getState().openLocation({ ...demo, prefix: 'small/' })
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(names(store.getState().listing?.entries ?? [])).toEqual(['only.txt'])
  })

  it('tells main to give up on the page a left folder waits for', async () => {
    const { store, callsOf } = await setUpBrowser(
      { demo: [...many(3000, 'big/'), 'small/only.txt'] },
      { delayMs: 60 },
    )
    store.getState().openLocation({ ...demo, prefix: 'big/' })
    await vi.waitFor(() => expect(callsOf('objects.list')).toHaveLength(1))
    const waiting = (callsOf('objects.list')[0]?.request as { requestId?: string }).requestId
    expect(waiting).toEqual(expect.any(String))
    store.getState().openLocation({ ...demo, prefix: 'small/' })
    expect(callsOf('requests.cancel').map(({ request }) => request)).toEqual([
      { requestId: waiting },
    ])
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    expect(names(store.getState().listing?.entries ?? [])).toEqual(['only.txt'])
    // A listing that ended by itself is not cancelled afterwards.
    store.getState().closeBrowser()
    expect(callsOf('requests.cancel')).toHaveLength(1)
  })

  it('names rows exactly as stored, folders first, never trimmed or normalised', async () => {
    const nfd = 'cafe\u0301.txt'
    const keys = [' lead.txt', 'trail.txt ', 'a+b%20c#d?e&f', '../up', nfd, 'docs/x', 'Docs/y']
    const { store } = await setUpBrowser({ demo: keys })
    await openAndWait(store, demo)
    const rows = selectVisibleEntries(store.getState())
    expect(rows.slice(0, 3).map(({ kind, name, key }) => [kind, name, key])).toEqual([
      ['folder', '..', '../'],
      ['folder', 'Docs', 'Docs/'],
      ['folder', 'docs', 'docs/'],
    ])
    expect(names(rows.slice(3)).sort()).toEqual(
      [' lead.txt', 'trail.txt ', 'a+b%20c#d?e&f', nfd].sort(),
    )
    expect(rows.find((row) => row.name === nfd)?.key).toBe(nfd)
  })

  it('goes into folders, back, forward and up', async () => {
    const { store } = await setUpBrowser({ demo: ['a/b/c.txt', 'top.txt'] })
    await openAndWait(store, demo)
    await openAndWait(store, { ...demo, prefix: 'a/' })
    await openAndWait(store, { ...demo, prefix: 'a/b/' })
    expect(names(store.getState().listing?.entries ?? [])).toEqual(['c.txt'])
    store.getState().goBack()
    expect(store.getState().location?.prefix).toBe('a/')
    store.getState().goBack()
    expect(store.getState().location?.prefix).toBe('')
    store.getState().goForward()
    expect(store.getState().location?.prefix).toBe('a/')
    expect(store.getState().history.forward).toHaveLength(1)
    store.getState().openLocation({ ...demo, prefix: 'a/b/' })
    store.getState().goUp()
    expect(store.getState().location?.prefix).toBe('a/')
    // Up lands on the folder just left.
    expect([...store.getState().selectedKeys]).toEqual(['a/b/'])
    expect(store.getState().history.forward).toHaveLength(0)
  })

  it('searches every key below the folder for any part of its name, showing full keys', async () => {
    const { store, callsOf } = await setUpBrowser({
      demo: ['a/report-1.pdf', 'a/deep/report-2.pdf', 'a/other.txt', 'b/report-3.pdf'],
    })
    await openAndWait(store, { ...demo, prefix: 'a/' })
    store.getState().searchBucket('PORT')
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    expect(callsOf('objects.search').at(-1)?.request).toMatchObject({
      bucket: 'demo',
      prefix: 'a/',
      text: 'PORT',
    })
    // No prefix listing stands in for it: "PORT" is in the middle of the names.
    expect(
      callsOf('objects.list').filter(
        ({ request }) =>
          'recursive' in (request as object) && (request as { recursive: boolean }).recursive,
      ),
    ).toEqual([])
    expect(names(store.getState().listing?.entries ?? [])).toEqual([
      'a/deep/report-2.pdf',
      'a/report-1.pdf',
    ])
    expect(store.getState().listing?.searched).toEqual({ scanned: 3, requests: 1, end: 'done' })
    // Empty text is the folder again, not a search for everything.
    store.getState().searchBucket('')
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    expect(store.getState().listing?.search).toBeNull()
    store.getState().searchBucket('other')
    await vi.waitFor(() => expect(store.getState().listing?.search).toBe('other'))
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    expect(names(selectVisibleEntries(store.getState()))).toEqual(['a/other.txt'])
    store.getState().searchBucket(null)
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    expect(names(selectVisibleEntries(store.getState()))).toEqual([
      'deep',
      'other.txt',
      'report-1.pdf',
    ])
  })

  it('shows a listing error with what was listed so far, and lists again on retry', async () => {
    let failing = true
    const { store } = await setUpBrowser(
      { demo: many(1500) },
      {
        failCommand: (name, request) =>
          failing &&
          name === 'objects.list' &&
          (request as { continuationToken: unknown }).continuationToken
            ? { ok: false, error: { code: 'TIMEOUT', message: 'The server took too long.' } }
            : null,
      },
    )
    store.getState().openLocation(demo)
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('failed'))
    expect(store.getState().listing?.status).toMatchObject({ error: { code: 'TIMEOUT' } })
    expect(store.getState().listing?.entries).toHaveLength(1000)
    failing = false
    store.getState().refreshListing()
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    expect(store.getState().listing?.entries).toHaveLength(1500)
  })

  it('refreshes after a change under the open folder, keeping the rows until it is done', async () => {
    const { store, api, callsOf } = await setUpBrowser({ demo: ['a/x.txt', 'b/y.txt'] })
    await openAndWait(store, { ...demo, prefix: 'a/' })
    const before = callsOf('objects.list').length
    api.emit('objects.changed', { ...demo, prefix: 'b/' })
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(callsOf('objects.list')).toHaveLength(before)
    api.emit('objects.changed', { ...demo, prefix: '' })
    api.emit('objects.changed', { ...demo, prefix: 'a/deep/' })
    expect(store.getState().listing?.entries).toHaveLength(1)
    await vi.waitFor(() => expect(callsOf('objects.list')).toHaveLength(before + 1))
  })
})

describe('a search after a change', () => {
  it('runs again by itself when its walk was small, else says its rows may be out of date', async () => {
    const { store, api, callsOf } = await setUpBrowser({ demo: ['a/report-1.pdf', 'b/x.txt'] })
    await openAndWait(store, demo)
    store.getState().searchBucket('report')
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    expect(callsOf('objects.search')).toHaveLength(1)
    api.emit('objects.changed', { ...demo, prefix: 'a/' })
    await vi.waitFor(() => expect(callsOf('objects.search')).toHaveLength(2))
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))

    // A walk that took many requests is not repeated unasked.
    const listing = store.getState().listing
    const searched = listing?.searched
    if (!listing || !searched) throw new Error('no search')
    store.setState({
      listing: { ...listing, searched: { ...searched, requests: RESEARCH_MAX_REQUESTS + 1 } },
    })
    api.emit('objects.changed', { ...demo, prefix: 'a/' })
    await vi.waitFor(() => expect(store.getState().listing?.searched?.stale).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(callsOf('objects.search')).toHaveLength(2)
  })
})

describe('a listing that does not end', () => {
  it('stops when the server hands back the token it was given', async () => {
    const { store, api } = await setUpBrowser({ demo: many(5) })
    const invoke = api.invoke
    api.invoke = (async (name, request) => {
      const result = await invoke(name, request)
      if (name !== 'objects.list' || !result.ok) return result
      return { ok: true, value: { ...(result.value as object), nextToken: 'same' } }
    }) as typeof api.invoke
    store.getState().openLocation(demo)
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('failed'))
    expect(store.getState().listing?.status).toMatchObject({ error: { code: 'SERVER_ERROR' } })
  })
})
