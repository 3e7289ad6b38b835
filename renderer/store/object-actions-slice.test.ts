import { describe, expect, it, vi } from 'vitest'
import { demo, names, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import { pasteProblem } from './clipboard'
import { selectSelectedEntries, selectVisibleEntries } from './visible-entries'

const visibleNames = (state: Parameters<typeof selectVisibleEntries>[0]) =>
  names(selectVisibleEntries(state))

describe('acting on objects', () => {
  it('creates a folder, shows it selected at once, and lists it after the change', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: ['a.txt'] })
    await openAndWait(store, demo)
    const result = await store.getState().createFolder(demo, 'new folder')
    expect(result).toEqual({ ok: true, value: 'new folder/' })
    expect(callsOf('objects.createFolder')[0]?.request).toMatchObject({
      prefix: '',
      name: 'new folder',
    })
    expect(visibleNames(store.getState())).toEqual(['new folder', 'a.txt'])
    expect([...store.getState().selectedKeys]).toEqual(['new folder/'])
    await vi.waitFor(() => expect(callsOf('objects.list')).toHaveLength(2))
    await vi.waitFor(() => expect(store.getState().listing?.refreshed).toBeNull())
    expect(visibleNames(store.getState())).toEqual(['new folder', 'a.txt'])
  })

  it('deletes the selection with a job, keeps failures, and refreshes the folder', async () => {
    const { store, callsOf } = await setUpBrowser(
      { demo: ['keep.txt', 'old/1', 'old/2', 'locked/3', 'x.txt'] },
      { failKey: (key) => (key.startsWith('locked/') ? 'Access denied.' : null) },
    )
    await openAndWait(store, demo)
    store.getState().selectEntry('old/', 'replace')
    store.getState().selectEntry('locked/', 'toggle')
    store.getState().selectEntry('x.txt', 'toggle')
    const entries = selectSelectedEntries(store.getState())
    const estimate = await store
      .getState()
      .estimate(
        demo.accountId,
        { bucket: 'demo', keys: ['x.txt'], prefixes: ['old/', 'locked/'] },
        'delete',
      )
    expect(estimate).toMatchObject({ ok: true, value: { objects: 4, requests: 3 } })
    expect(await store.getState().deleteEntries(demo, entries)).toBeNull()
    expect(callsOf('jobs.start')[0]?.request).toEqual({
      kind: 'delete',
      accountId: 'sandbox',
      selection: { bucket: 'demo', keys: ['x.txt'], prefixes: ['locked/', 'old/'] },
    })
    expect(store.getState().jobsPanelOpen).toBe(true)
    await vi.waitFor(() => expect([...store.getState().jobs.values()][0]?.state).toBe('failed'))
    const job = [...store.getState().jobs.values()][0]
    expect(job?.failures).toEqual([
      { key: 'locked/3', code: 'ACCESS_DENIED', message: 'Access denied.' },
    ])
    await vi.waitFor(() => expect(visibleNames(store.getState())).toEqual(['locked', 'keep.txt']))
    await store.getState().clearFinishedJobs()
    expect(store.getState().jobs.size).toBe(0)
  })

  it('copies and cuts to the clipboard and pastes into another folder or bucket', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: ['a.txt', 'dir/b.txt'], other: [] })
    await openAndWait(store, demo)
    store.getState().selectAll()
    store.getState().copyToClipboard('copy')
    expect(pasteProblem(store.getState().clipboard, demo)).toBe(
      'These items are already in this folder.',
    )
    expect(pasteProblem(store.getState().clipboard, { ...demo, prefix: 'dir/x/' })).toBe(
      'A folder cannot be pasted into itself.',
    )
    await openAndWait(store, { ...demo, bucket: 'other' })
    expect(await store.getState().paste()).toBeNull()
    expect(callsOf('jobs.start')[0]?.request).toMatchObject({
      kind: 'copy',
      selection: { bucket: 'demo', keys: ['a.txt'], prefixes: ['dir/'] },
      target: { bucket: 'other', prefix: '' },
    })
    await vi.waitFor(() => expect(visibleNames(store.getState())).toEqual(['dir', 'a.txt']))
    expect(store.getState().clipboard?.mode).toBe('copy')
    // Into another account: allowed, and main is told which account the target is in.
    expect(pasteProblem(store.getState().clipboard, { ...demo, accountId: 'elsewhere' })).toBeNull()

    store.getState().selectEntry('a.txt', 'replace')
    store.getState().copyToClipboard('cut')
    await openAndWait(store, { ...demo, bucket: 'other', prefix: 'dir/' })
    expect(await store.getState().paste()).toBeNull()
    expect(callsOf('jobs.start')[1]?.request).toMatchObject({
      kind: 'move',
      target: { bucket: 'other', prefix: 'dir/' },
    })
    expect(store.getState().clipboard).toBeNull()
    await vi.waitFor(() => expect(visibleNames(store.getState())).toEqual(['a.txt', 'b.txt']))
  })

  it('renames with a move to the same folder under the new name', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: ['dir/old name.txt'] })
    await openAndWait(store, { ...demo, prefix: 'dir/' })
    const [entry] = selectVisibleEntries(store.getState())
    if (!entry) throw new Error('The folder is listed empty.')
    const folder = { ...demo, prefix: 'dir/' }
    expect(await store.getState().rename(folder, entry, 'new.txt')).toBeNull()
    expect(callsOf('jobs.start')[0]?.request).toEqual({
      kind: 'move',
      accountId: 'sandbox',
      selection: { bucket: 'demo', keys: ['dir/old name.txt'], prefixes: [] },
      target: { bucket: 'demo', prefix: 'dir/' },
      newName: 'new.txt',
    })
    await vi.waitFor(() => expect(visibleNames(store.getState())).toEqual(['new.txt']))
  })

  it('reads and saves properties, and previews', async () => {
    const { store } = await setUpBrowser({
      demo: [{ key: 'a.txt', body: 'hello', metadata: { owner: 'me' } }],
    })
    const head = await store.getState().headObject(demo, 'a.txt')
    expect(head).toMatchObject({ ok: true, value: { size: 5, metadata: { owner: 'me' } } })
    const saved = await store.getState().updateProperties(demo, {
      key: 'a.txt',
      contentType: 'text/markdown',
      cacheControl: 'max-age=60',
      metadata: { owner: 'you' },
    })
    expect(saved).toMatchObject({ ok: true, value: { contentType: 'text/markdown' } })
    expect(await store.getState().previewObject(demo, 'a.txt')).toEqual({
      ok: true,
      value: { kind: 'text', text: 'hello', truncated: false },
    })
  })
})
