import { describe, expect, it, vi } from 'vitest'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import { demo, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import { treeNodeId } from './tree-slice'

const bucketNames = (state: { bucketLists: ReadonlyMap<string, unknown> }) => {
  const list = state.bucketLists.get(SANDBOX_ACCOUNT_ID) as
    { state: 'loaded'; buckets: { name: string }[] } | undefined
  return list?.buckets.map(({ name }) => name)
}

describe('buckets and the sidebar tree', () => {
  it('creates a bucket and opens it', async () => {
    const { store } = await setUpBrowser({ demo: [] })
    expect(await store.getState().createBucket(SANDBOX_ACCOUNT_ID, 'a-new-one')).toBeNull()
    expect(bucketNames(store.getState())).toEqual(['a-new-one', 'demo'])
    expect(store.getState().location).toEqual({ ...demo, bucket: 'a-new-one' })
    expect(await store.getState().createBucket(SANDBOX_ACCOUNT_ID, 'demo')).toMatchObject({
      code: 'BUCKET_EXISTS',
    })
  })

  it('deletes an empty bucket, and empties then deletes one that is not', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: ['a', 'b/c'], empty: [] })
    expect(await store.getState().deleteBucket(SANDBOX_ACCOUNT_ID, 'empty')).toBeNull()
    expect(bucketNames(store.getState())).toEqual(['demo'])
    await openAndWait(store, demo)
    expect(await store.getState().deleteBucket(SANDBOX_ACCOUNT_ID, 'demo')).toMatchObject({
      code: 'BUCKET_NOT_EMPTY',
    })
    const estimate = await store
      .getState()
      .estimate(SANDBOX_ACCOUNT_ID, { bucket: 'demo', keys: [], prefixes: [''] }, 'delete')
    expect(estimate).toMatchObject({ ok: true, value: { objects: 2 } })
    await store.getState().startJob({
      kind: 'empty-bucket',
      accountId: SANDBOX_ACCOUNT_ID,
      bucket: 'demo',
      deleteBucket: true,
    })
    await vi.waitFor(() => expect(bucketNames(store.getState())).toEqual([]))
    expect(store.getState().location).toBeNull()
    expect(callsOf('buckets.list').length).toBeGreaterThan(1)
  })

  it('stops a folder’s listing in main when it is collapsed half loaded', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: ['a/1/x', 'b/w'] }, { delayMs: 30 })
    const bucket = { ...demo }
    store.getState().toggleFolder(bucket)
    store.getState().toggleFolder(bucket)
    const [listing] = callsOf('objects.list').map((call) => call.request as { requestId: string })
    await vi.waitFor(() =>
      expect(callsOf('requests.cancel').map((call) => call.request)).toEqual([
        { requestId: listing?.requestId },
      ]),
    )
    expect(store.getState().folderLists.has(treeNodeId(bucket))).toBe(false)
    // Expanded again, it loads afresh rather than showing the abandoned load.
    store.getState().toggleFolder(bucket)
    await vi.waitFor(() =>
      expect(store.getState().folderLists.get(treeNodeId(bucket))?.folders).toEqual(['a/', 'b/']),
    )
  })

  it('lists a folder’s subfolders only when it is expanded, and again after a change', async () => {
    const { store, api, callsOf } = await setUpBrowser({
      demo: ['a/1/x', 'a/2/y', 'a/z.txt', 'b/w'],
    })
    expect(callsOf('objects.list')).toHaveLength(0)
    const bucket = { ...demo }
    store.getState().toggleFolder(bucket)
    await vi.waitFor(() =>
      expect(store.getState().folderLists.get(treeNodeId(bucket))?.status.state).toBe('complete'),
    )
    expect(store.getState().folderLists.get(treeNodeId(bucket))?.folders).toEqual(['a/', 'b/'])
    const a = { ...demo, prefix: 'a/' }
    store.getState().toggleFolder(a)
    await vi.waitFor(() =>
      expect(store.getState().folderLists.get(treeNodeId(a))?.folders).toEqual(['a/1/', 'a/2/']),
    )
    store.getState().toggleFolder(a)
    const lists = callsOf('objects.list').length
    api.emit('objects.changed', { ...demo, prefix: 'a/1/' })
    // The expanded bucket is listed again; the folded folder is forgotten until it is opened.
    await vi.waitFor(() => expect(callsOf('objects.list')).toHaveLength(lists + 1))
    expect(store.getState().folderLists.has(treeNodeId(a))).toBe(false)
  })
})
