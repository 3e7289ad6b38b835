import { describe, expect, it, vi } from 'vitest'
import type { TransferSnapshot } from '../../shared/transfers'
import { demo, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import type { Entry } from './object-entry'
import { selectTransferRows } from './transfer-rows'

const interrupted: TransferSnapshot = {
  id: 'old-1',
  batchId: 'old-batch',
  accountId: 'sandbox',
  kind: 'upload',
  bucket: 'demo',
  key: 'big.iso',
  name: 'big.iso',
  localPath: '/home/me/big.iso',
  state: 'paused',
  bytesDone: 400,
  bytesTotal: 1000,
  bytesPerSecond: 0,
  etaSeconds: null,
  error: null,
  note: 'Interrupted: 4 parts had arrived. Resume to send the rest.',
}

const row = (key: string, kind: Entry['kind']): Entry => ({
  key,
  kind,
  name: key,
  size: null,
  lastModified: null,
  type: '',
  folded: key,
  sortKey: key,
})

const statesOf = (transfers: ReadonlyMap<string, TransferSnapshot>) =>
  [...transfers.values()].map(({ name, state }) => `${name} ${state}`)

describe('transfers', () => {
  it('lists transfers an earlier run left as paused, and resumes or discards them', async () => {
    const { store, callsOf } = await setUpBrowser(
      { demo: [] },
      { restoredTransfers: [interrupted, { ...interrupted, id: 'old-2', name: 'b.iso' }] },
    )
    await vi.waitFor(() => expect(store.getState().transfers.size).toBe(2))
    expect(statesOf(store.getState().transfers)).toEqual(['big.iso paused', 'b.iso paused'])
    expect([...store.getState().interruptedIds]).toEqual(['old-1', 'old-2'])
    await store.getState().resumeTransfer('old-1')
    expect(callsOf('transfers.resume')[0]?.request).toEqual({ id: 'old-1' })
    await vi.waitFor(() => expect(store.getState().transfers.get('old-1')?.state).toBe('done'))
    expect([...store.getState().interruptedIds]).toEqual(['old-2'])
    await store.getState().discardInterrupted()
    expect(callsOf('transfers.abortOrphans')).toHaveLength(1)
    await vi.waitFor(() => expect(statesOf(store.getState().transfers)).toEqual(['big.iso done']))
    expect(store.getState().interruptedIds.size).toBe(0)
  })

  it('replaces the map on every update, and pauses, resumes and cancels by id', async () => {
    const { store } = await setUpBrowser(
      { demo: ['a.bin', 'b.bin'] },
      { transferStepMs: 20, transferSteps: 10, pathForFile: () => '/x' },
    )
    await openAndWait(store, demo)
    const before = store.getState().transfers
    expect(
      await store.getState().download(demo, [row('a.bin', 'object'), row('b.bin', 'object')], null),
    ).toBeNull()
    await vi.waitFor(() => expect(store.getState().transfers.size).toBe(2))
    expect(store.getState().transfers).not.toBe(before)
    expect(before.size).toBe(0)
    const [first, second] = [...store.getState().transfers.keys()]
    await store.getState().pauseTransfer(second ?? '')
    await vi.waitFor(() => expect(store.getState().transfers.get(first ?? '')?.state).toBe('done'))
    expect(store.getState().transfers.get(second ?? '')?.state).toBe('paused')
    expect(store.getState().transferTotals.counts).toMatchObject({ done: 1, paused: 1 })
    await store.getState().resumeTransfer(second ?? '')
    await vi.waitFor(() =>
      expect(store.getState().transfers.get(second ?? '')?.state).toBe('running'),
    )
    await store.getState().cancelTransfer(second ?? '')
    await vi.waitFor(() =>
      expect(store.getState().transfers.get(second ?? '')?.state).toBe('cancelled'),
    )
  })

  it('retries a failed transfer, then clears what finished', async () => {
    const { store, callsOf } = await setUpBrowser(
      { demo: ['ok.txt', 'flaky.txt'] },
      {
        failTransferOnce: (key) =>
          key === 'flaky.txt' ? { code: 'DISK_FULL', message: 'The disk is full.' } : null,
      },
    )
    await openAndWait(store, demo)
    await store
      .getState()
      .download(demo, [row('flaky.txt', 'object'), row('ok.txt', 'object')], null)
    await vi.waitFor(() =>
      expect(statesOf(store.getState().transfers)).toEqual(['flaky.txt failed', 'ok.txt done']),
    )
    const failed = [...store.getState().transfers.values()].find((t) => t.state === 'failed')
    expect(failed?.error).toEqual({ code: 'DISK_FULL', message: 'The disk is full.' })
    await store.getState().retryTransfer(failed?.id ?? '')
    await vi.waitFor(() =>
      expect(store.getState().transfers.get(failed?.id ?? '')?.state).toBe('done'),
    )
    await store.getState().clearFinishedTransfers()
    expect(callsOf('transfers.clearFinished')).toHaveLength(1)
    expect(store.getState().transfers.size).toBe(0)
  })

  it('sends the choice for local files that are there: skip when picked', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: ['top.txt'] })
    await openAndWait(store, demo)
    expect(
      await store.getState().download(demo, [row('top.txt', 'object')], '/tmp/out', 'skip'),
    ).toBeNull()
    expect(callsOf('transfers.download')[0]?.request).toMatchObject({ conflict: 'skip' })
  })

  it('downloads objects and folders into the folder given, and remembers it', async () => {
    const { store, callsOf } = await setUpBrowser({
      demo: ['top.txt', 'docs/a.txt', 'docs/b/c.txt'],
    })
    await openAndWait(store, demo)
    const error = await store
      .getState()
      .download(demo, [row('docs/', 'folder'), row('top.txt', 'object')], '/tmp/out')
    expect(error).toBeNull()
    expect(callsOf('transfers.download')[0]?.request).toEqual({
      accountId: 'sandbox',
      bucket: 'demo',
      keys: ['top.txt'],
      prefixes: ['docs/'],
      destination: '/tmp/out',
      // The name-clash choice is explicit, keep both unless the user picks skip.
      conflict: 'keep-both',
    })
    expect(store.getState().transfersPanelOpen).toBe(true)
    expect(store.getState().lastDownloadFolder).toBe('/tmp/out')
    await vi.waitFor(() =>
      expect(
        [...store.getState().transfers.values()].map(
          ({ localPath, state }) => `${localPath} ${state}`,
        ),
      ).toEqual([
        '/tmp/out/top.txt done',
        '/tmp/out/docs/a.txt done',
        '/tmp/out/docs/b/c.txt done',
      ]),
    )
  })

  it('shows a refused command in the panel', async () => {
    const { store } = await setUpBrowser({ demo: [] })
    await store.getState().pauseTransfer('gone')
    expect(store.getState().transfersError?.code).toBe('NOT_FOUND')
    const failed = await store
      .getState()
      .download({ ...demo, bucket: 'nope' }, [row('x', 'object')], null)
    expect(failed?.code).toBe('NO_SUCH_BUCKET')
  })

  it('orders the panel newest batch first, each batch by key', async () => {
    const { store } = await setUpBrowser(
      { demo: ['a', 'b', 'c'] },
      { restoredTransfers: [interrupted] },
    )
    await openAndWait(store, demo)
    await vi.waitFor(() => expect(store.getState().transfers.size).toBe(1))
    await store.getState().download(demo, [row('b', 'object'), row('a', 'object')], null)
    await store.getState().download(demo, [row('c', 'object')], null)
    await vi.waitFor(() => expect(store.getState().transfers.size).toBe(4))
    expect(selectTransferRows(store.getState()).map(({ name }) => name)).toEqual([
      'c',
      'a',
      'b',
      'big.iso',
    ])
  })

  it('reads the settings and changes some of them', async () => {
    const { store, callsOf } = await setUpBrowser({ demo: [] })
    await store.getState().loadTransferSettings()
    expect(store.getState().transferSettings?.partsInFlight).toBe(6)
    expect(await store.getState().changeTransferSettings({ partsInFlight: 1 })).toBeNull()
    expect(callsOf('transfers.settings').at(-1)?.request).toEqual({ partsInFlight: 1 })
    expect(store.getState().transferSettings).toMatchObject({ partsInFlight: 1, filesInFlight: 8 })
  })
})
