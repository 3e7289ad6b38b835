import { describe, expect, it, vi } from 'vitest'
import type { DragOutRequest } from '../../shared/contract'
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
