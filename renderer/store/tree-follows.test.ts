import { describe, expect, it, vi } from 'vitest'
import { selectCurrentRowShown } from '../components/tree/current-row-shown'
import { demo, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import { treeNodeId } from './tree-slice'

describe('the tree follows the open folder', () => {
  it('unfolds the account, bucket and parent folders of a folder opened elsewhere', async () => {
    const { store } = await setUpBrowser({ demo: ['a/1/x', 'a/2/y', 'b/w'] })
    store.getState().toggleAccount(demo.accountId)
    const deep = { ...demo, prefix: 'a/1/' }
    await openAndWait(store, deep)
    expect(selectCurrentRowShown(store.getState())).toBe(false)

    store.getState().revealFolder(deep)
    const state = store.getState()
    expect(state.collapsedAccounts.has(demo.accountId)).toBe(false)
    expect(state.expandedFolders).toEqual(
      new Set([treeNodeId(demo), treeNodeId({ ...demo, prefix: 'a/' })]),
    )
    // Once the parents are listed, the tree has a row for the open folder.
    await vi.waitFor(() => expect(selectCurrentRowShown(store.getState())).toBe(true))
    expect(
      store.getState().folderLists.get(treeNodeId({ ...demo, prefix: 'a/' }))?.folders,
    ).toEqual(['a/1/', 'a/2/'])
  })

  it('leaves the tree as it is when the way is already open', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: ['a/1/x'] })
    const a = { ...demo, prefix: 'a/' }
    store.getState().revealFolder(a)
    await vi.waitFor(() =>
      expect(selectCurrentRowShown({ ...store.getState(), location: a })).toBe(true),
    )
    const lists = callsOf('objects.list').length
    const before = store.getState().expandedFolders
    store.getState().revealFolder(a)
    expect(store.getState().expandedFolders).toBe(before)
    expect(callsOf('objects.list')).toHaveLength(lists)
  })
})
