import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWebSocketClient } from './web-socket-client'

/** Just enough of a browser WebSocket for the client, driven by the test. */
class FakeSocket {
  readyState = 0
  readonly sent: unknown[] = []
  onopen: (() => void) | null = null
  onclose: (() => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onerror: (() => void) | null = null

  constructor(readonly url: string) {}

  send(frame: string): void {
    this.sent.push(JSON.parse(frame))
  }

  close(): void {
    this.drop()
  }

  open(): void {
    this.readyState = 1
    this.onopen?.()
  }

  answer(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) })
  }

  drop(): void {
    this.readyState = 3
    this.onclose?.()
  }
}

const setUp = () => {
  const sockets: FakeSocket[] = []
  const api = createWebSocketClient({
    url: 'ws://127.0.0.1:1234/ws?token=t',
    createSocket: (url) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket as unknown as WebSocket
    },
    retryDelay: () => 100,
  })
  const latest = (): FakeSocket => {
    const socket = sockets.at(-1)
    if (!socket) throw new Error('no socket was opened')
    return socket
  }
  return { api, sockets, latest }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the web shell client', () => {
  it('queues invokes until the socket opens, then matches results by id', async () => {
    const { api, latest } = setUp()
    const listing = api.invoke('accounts.list', {})
    expect(latest().sent).toEqual([])
    latest().open()
    expect(latest().sent).toEqual([{ type: 'invoke', id: 0, name: 'accounts.list', request: {} }])
    latest().answer({ type: 'result', id: 0, result: { ok: true, value: [] } })
    await expect(listing).resolves.toEqual({ ok: true, value: [] })
  })

  it('delivers events to subscribers until they unsubscribe', () => {
    const { api, latest } = setUp()
    const listener = vi.fn()
    const stop = api.on('sandbox.status', listener)
    latest().open()
    latest().answer({ type: 'event', name: 'sandbox.status', payload: { state: 'starting' } })
    stop()
    latest().answer({ type: 'event', name: 'sandbox.status', payload: { state: 'stopped' } })
    expect(listener).toHaveBeenCalledExactlyOnceWith({ state: 'starting' })
  })

  it('fails invokes in flight when the socket drops, and sends queued ones after reconnecting', async () => {
    vi.useFakeTimers()
    const { api, sockets, latest } = setUp()
    latest().open()
    const inFlight = api.invoke('accounts.list', {})
    latest().drop()
    await expect(inFlight).resolves.toMatchObject({
      ok: false,
      error: { code: 'CONNECTION_RESET' },
    })
    const queued = api.invoke('app.info', {})
    vi.advanceTimersByTime(100)
    expect(sockets).toHaveLength(2)
    latest().open()
    expect(latest().sent).toEqual([{ type: 'invoke', id: 1, name: 'app.info', request: {} }])
    latest().answer({ type: 'result', id: 1, result: { ok: true, value: null } })
    await expect(queued).resolves.toEqual({ ok: true, value: null })
  })

  it('ignores frames it does not understand', () => {
    const { api, latest } = setUp()
    const listener = vi.fn()
    api.on('accounts.changed', listener)
    latest().open()
    latest().onmessage?.({ data: 'not json' })
    latest().answer({ type: 'news', name: 'accounts.changed', payload: [] })
    latest().answer({ type: 'result', id: 99, result: { ok: true, value: 1 } })
    latest().answer({ type: 'result', id: 0, result: 'yes' })
    expect(listener).not.toHaveBeenCalled()
  })
})
