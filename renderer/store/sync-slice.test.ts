/** The sync slice on the fake API: pair → compare → preview → confirm → run, and the chooser. */
import { describe, expect, it, vi } from 'vitest'
import type { ComparisonRow } from '../../shared/sync'
import { createFakeDssApi, type FakeOptions } from '../api/fake-dss-api.test-fixture'
import { createAppStore } from './create-app-store'
import { startSubscriptions } from './subscriptions'

const row = (path: string, group: ComparisonRow['group']): ComparisonRow => ({
  path,
  kind: 'file',
  group,
  change: null,
  local: group === 'remote-only' ? null : { size: 10, mtimeMs: 0 },
  remote: group === 'local-only' ? null : { size: 10, lastModified: null, etag: null },
  reason: `${path} is ${group}.`,
})

const ROWS = [
  row('same.txt', 'identical'),
  row('new.txt', 'local-only'),
  row('gone-1.txt', 'remote-only'),
  row('gone-2.txt', 'remote-only'),
]

const setUp = (options: FakeOptions = {}) => {
  const api = createFakeDssApi({ syncRows: ROWS, ...options })
  const store = createAppStore(api)
  startSubscriptions(store, api)
  const callsOf = (name: string) => api.calls.filter((call) => call.name === name)
  return { api, store, callsOf }
}

const fields = {
  accountId: 'sandbox',
  bucket: 'demo',
  prefix: 'photos/',
  localPath: '/home/ann/photos',
} as const

describe('sync slice', () => {
  it('saves the pair, compares, previews, and runs only when asked', async () => {
    const { store, callsOf } = setUp()
    store.getState().openSync(fields)
    await store.getState().compareSync()
    const session = store.getState().syncSession
    expect(session?.pairId).toBe('pair-1')
    // A new pair is named after its two sides.
    expect(session?.draft.name).toBe('photos ⇄ demo/photos')
    expect(callsOf('sync.compare')[0]?.request).toMatchObject({ pair: { pairId: 'pair-1' } })
    expect(session?.step).toMatchObject({
      kind: 'compared',
      comparison: { groups: { identical: { count: 1 }, 'remote-only': { count: 2 } } },
      plan: { totals: { uploads: { files: 1 } } },
    })
    expect(store.getState().syncPairs.map(({ id }) => id)).toEqual(['pair-1'])
    // Nothing runs before the user confirms.
    expect(callsOf('sync.run')).toHaveLength(0)

    await store.getState().runSync(false)
    expect(callsOf('sync.run')[0]?.request).toMatchObject({ confirmDeletes: false })
    const step = store.getState().syncSession?.step
    expect(step?.kind).toBe('running')
    const runId = step?.kind === 'running' ? step.runId : ''
    expect(store.getState().syncRuns.get(runId)?.state).toBe('running')
    await store.getState().pauseSyncRun(runId)
    expect(store.getState().syncRuns.get(runId)?.state).toBe('paused')
  })

  it('asks when a delete guard stops the run, and runs once confirmed', async () => {
    const { store, callsOf } = setUp({ syncMaxDeletes: 1 })
    store.getState().openSync({ ...fields, direction: 'mirror-up' })
    await store.getState().compareSync()
    await store.getState().runSync(false)
    expect(store.getState().syncSession).toMatchObject({
      error: null,
      step: { kind: 'compared', confirm: 'This run would delete 2 files in the bucket.' },
    })
    await store.getState().runSync(true)
    expect(callsOf('sync.run').map(({ request }) => request)).toMatchObject([
      { confirmDeletes: false },
      { confirmDeletes: true },
    ])
    expect(store.getState().syncSession?.step.kind).toBe('running')
  })

  it('shows a refused pair on its form, and a saved pair re-runs to its preview in one call', async () => {
    const { store, callsOf } = setUp()
    store.getState().openSync({ ...fields, localPath: '', name: 'Photos' })
    await store.getState().compareSync()
    expect(store.getState().syncSession).toMatchObject({
      step: { kind: 'edit' },
      error: { code: 'INVALID_REQUEST', message: 'Pick a local folder.' },
    })
    expect(callsOf('sync.compare')).toHaveLength(0)

    store.getState().updateSyncDraft({ localPath: '/home/ann/photos' })
    await store.getState().compareSync()
    store.getState().closeSync()
    expect(store.getState().syncSession).toBeNull()
    await store.getState().rerunSyncPair('pair-1')
    expect(store.getState().syncSession).toMatchObject({
      pairId: 'pair-1',
      draft: { name: 'Photos', direction: 'upload' },
      step: { kind: 'compared', plan: { pairId: 'pair-1' } },
    })
    expect(callsOf('sync.preview')).toHaveLength(2)
  })

  it('follows the comparison’s progress and cancels it by its request id', async () => {
    const { api, store, callsOf } = setUp({ delayMs: 20 })
    store.getState().openSync(fields)
    const comparing = store.getState().compareSync()
    await vi.waitFor(() => expect(store.getState().syncSession?.step.kind).toBe('comparing'))
    const step = store.getState().syncSession?.step
    const requestId = step?.kind === 'comparing' ? step.requestId : ''
    api.emit('sync.compareProgress', {
      requestId,
      phase: 'hashing',
      files: 3,
      bytesDone: 1,
      bytesTotal: 4,
    })
    api.emit('sync.compareProgress', {
      requestId: 'someone-else',
      phase: 'listing-local',
      files: 9,
      bytesDone: 0,
      bytesTotal: 0,
    })
    expect(store.getState().syncSession?.step).toMatchObject({ progress: { files: 3 } })
    await store.getState().cancelSyncCompare()
    expect(callsOf('requests.cancel')[0]?.request).toEqual({ requestId })
    await comparing
    // The answer that comes after the cancel does not bring the comparison back.
    expect(store.getState().syncSession?.step.kind).toBe('edit')
  })

  it('forgets a removed pair and closes its session', async () => {
    const { store } = setUp()
    store.getState().openSync(fields)
    await store.getState().compareSync()
    expect(await store.getState().removeSyncPair('pair-1')).toBeNull()
    expect(store.getState().syncPairs).toEqual([])
    expect(store.getState().syncSession).toBeNull()
  })

  it('answers a run command’s error where no session is open (the sidebar shows it)', async () => {
    const refused = {
      code: 'NEEDS_CONFIRMATION',
      message: 'This run would delete 9 files.',
    } as const
    const { store } = setUp({
      failCommand: (name) => (name === 'sync.resume' ? { ok: false, error: refused } : null),
    })
    expect(await store.getState().resumeSyncRun('run-left-by-a-restart')).toEqual(refused)
    expect(await store.getState().pauseSyncRun('run-left-by-a-restart')).toBeNull()
    expect(store.getState().syncSession).toBeNull()
  })

  it('chooses a folder with the OS dialog where there is one, else lists main’s folders', async () => {
    const chooseFolder = vi.fn(async () => '/home/ann/chosen')
    const native = setUp({ chooseFolder })
    expect(native.store.getState().nativeFolderDialog).toBe(true)
    expect(await native.store.getState().chooseFolderNatively('Local folder', '')).toBe(
      '/home/ann/chosen',
    )
    expect(chooseFolder).toHaveBeenCalledWith({ title: 'Local folder', defaultPath: null })

    const web = setUp({ localFolders: { '/home/ann': ['docs', 'photos'] } })
    expect(web.store.getState().nativeFolderDialog).toBe(false)
    const listed = await web.store.getState().listLocalFolders(null)
    expect(listed).toMatchObject({
      ok: true,
      value: { path: '/home/ann', folders: [{ name: 'docs', path: '/home/ann/docs' }, {}] },
    })
  })
})
