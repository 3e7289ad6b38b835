/** Paste, copy, move and rename onto names that exist ask first, with the upload's dialog. */
import { describe, expect, it, vi } from 'vitest'
import type { AppStore } from './create-app-store'
import { demo, names, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import { selectVisibleEntries } from './visible-entries'

const clashDialog = async (store: AppStore) => {
  await vi.waitFor(() => expect(store.getState().dialog?.kind).toBe('name-clash'))
  const { dialog } = store.getState()
  if (dialog?.kind !== 'name-clash') throw new Error('no name clash dialog')
  return dialog
}

const pasteHelloInto = async (store: AppStore) => {
  store.getState().selectEntry('hello.txt', 'replace')
  store.getState().copyToClipboard('copy')
  await openAndWait(store, { ...demo, bucket: 'other' })
  return store.getState().paste()
}

describe('name clashes on paste, copy, move and rename', () => {
  it('asks before a paste onto an existing name, and sends the choice', async () => {
    const { store, callsOf } = await setUpBrowser({
      demo: ['hello.txt'],
      other: ['hello.txt', 'x.txt'],
    })
    await openAndWait(store, demo)
    const pasted = pasteHelloInto(store)
    const dialog = await clashDialog(store)
    expect(dialog).toMatchObject({
      operation: 'copy',
      target: { bucket: 'other', prefix: '' },
      existing: ['hello.txt'],
      total: null,
    })
    expect(callsOf('jobs.start')).toEqual([])
    store.getState().answerJobClash(dialog.preparationId, 'keep-both')
    expect(await pasted).toBeNull()
    expect(store.getState().dialog).toBeNull()
    expect(callsOf('jobs.start')[0]?.request).toMatchObject({ kind: 'copy', conflict: 'keep-both' })
    await vi.waitFor(() =>
      expect(names(selectVisibleEntries(store.getState()))).toEqual([
        'hello (1).txt',
        'hello.txt',
        'x.txt',
      ]),
    )
  })

  it('backing out of the question starts nothing and keeps the clipboard', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: ['hello.txt'], other: ['hello.txt'] })
    await openAndWait(store, demo)
    const pasted = pasteHelloInto(store)
    store.getState().answerJobClash((await clashDialog(store)).preparationId, null)
    expect(await pasted).toBeNull()
    expect(callsOf('jobs.start')).toEqual([])
    expect(store.getState().actionError).toBeNull()
    expect(store.getState().clipboard?.mode).toBe('copy')
  })

  it('asks nothing when no name exists, and the core checks again', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: ['hello.txt'], other: ['x.txt'] })
    await openAndWait(store, demo)
    expect(await pasteHelloInto(store)).toBeNull()
    expect(store.getState().dialog).toBeNull()
    expect(callsOf('jobs.start')[0]?.request).not.toHaveProperty('conflict')
  })

  it('asks before a rename onto an existing name; skip leaves both as they were', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: ['a.txt', 'b.txt'] })
    await openAndWait(store, demo)
    const entry = selectVisibleEntries(store.getState()).find((row) => row.key === 'a.txt')
    if (!entry) throw new Error('a.txt is not listed')
    const renamed = store.getState().rename(demo, entry, 'b.txt')
    const dialog = await clashDialog(store)
    expect(dialog).toMatchObject({ operation: 'rename', existing: ['b.txt'] })
    store.getState().answerJobClash(dialog.preparationId, 'skip')
    expect(await renamed).toBeNull()
    expect(callsOf('jobs.start')[0]?.request).toMatchObject({
      kind: 'move',
      newName: 'b.txt',
      conflict: 'skip',
    })
    await vi.waitFor(() => expect([...store.getState().jobs.values()][0]?.state).toBe('done'))
    expect(names(selectVisibleEntries(store.getState()))).toEqual(['a.txt', 'b.txt'])
  })
})
