import { describe, expect, it, vi } from 'vitest'
import type { DragOutRequest, DragPrepareRequest } from '../../shared/contract'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import { demo, openAndWait, setUpBrowser } from './browser-store.test-fixture'

describe('dragging objects out', () => {
  it('is offered where the shell can start an OS drag, and names the object to main', async () => {
    const asked: DragOutRequest[] = []
    const { store, stop } = await setUpBrowser(
      { demo: ['photos/cat.jpg'] },
      { startDrag: (request) => void asked.push(request) },
    )
    await openAndWait(store, demo)
    expect(store.getState().canDragOut).toBe(true)
    store.getState().dragOut(demo, 'photos/cat.jpg')
    expect(asked).toEqual([
      { accountId: SANDBOX_ACCOUNT_ID, bucket: 'demo', key: 'photos/cat.jpg' },
    ])
    stop()
  })

  it('has main fetch the selected objects ahead (folders left out), each time the selection changes', async () => {
    const prepared: DragPrepareRequest[] = []
    const { store, stop } = await setUpBrowser(
      { demo: ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'photos/cat.jpg'] },
      { prepareDrag: (request) => void prepared.push(request) },
    )
    await openAndWait(store, demo)
    // Opening a folder starts with an empty selection, and main drops what it fetched.
    expect(prepared.at(-1)).toEqual({ accountId: SANDBOX_ACCOUNT_ID, bucket: 'demo', keys: [] })
    prepared.length = 0
    store.getState().selectEntry('a.txt', 'replace')
    store.getState().selectEntry('photos/', 'toggle')
    store.getState().selectAll()
    const selection = (keys: string[]) => ({ accountId: SANDBOX_ACCOUNT_ID, bucket: 'demo', keys })
    expect(prepared).toEqual([
      selection(['a.txt']),
      selection(['a.txt']),
      // At most four, so selecting everything does not fetch everything.
      selection(['a.txt', 'b.txt', 'c.txt', 'd.txt']),
    ])
    store.getState().clearSelection()
    expect(prepared.at(-1)).toEqual(selection([]))
    stop()
  })

  it('is not offered in the web shell', async () => {
    const { store, stop } = await setUpBrowser({ demo: ['a.txt'] })
    expect(store.getState().canDragOut).toBe(false)
    stop()
  })
})

describe("main's notices", () => {
  it('show as the notice at the bottom of the window', async () => {
    const { api, store, stop } = await setUpBrowser({ demo: [] })
    api.emit('app.notice', { level: 'error', message: 'Could not drag it out: too big.' })
    await vi.waitFor(() =>
      expect(store.getState().linkNotice).toMatchObject({
        kind: 'app',
        level: 'error',
        message: 'Could not drag it out: too big.',
      }),
    )
    stop()
  })
})
