import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionStatus } from './connection-status'
import { createWebSocketClient, type AccessCheck } from './web-socket-client'

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

const setUp = (checkAccess?: AccessCheck) => {
  const sockets: FakeSocket[] = []
  const api = createWebSocketClient({
    url: 'ws://127.0.0.1:1234/ws?token=t',
    createSocket: (url) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket as unknown as WebSocket
    },
    retryDelay: () => 100,
    giveUpAfterMs: 60_000,
    now: () => Date.now(),
    checkAccess,
  })
  const statuses: ConnectionStatus['state'][] = []
  api.connection.subscribe((status) => statuses.push(status.state))
  const latest = (): FakeSocket => {
    const socket = sockets.at(-1)
    if (!socket) throw new Error('no socket was opened')
    return socket
  }
  return { api, sockets, latest, statuses }
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

  it('fails invokes in flight when the socket drops, and new ones at once until it is back', async () => {
    vi.useFakeTimers()
    const { api, sockets, latest, statuses } = setUp()
    latest().open()
    const inFlight = api.invoke('accounts.list', {})
    latest().drop()
    await expect(inFlight).resolves.toMatchObject({
      ok: false,
      error: { code: 'CONNECTION_RESET' },
    })
    expect(api.connection.status()).toEqual({ state: 'reconnecting' })
    // Nothing waits for a socket that is not there: a Refresh fails with a sentence at once.
    await expect(api.invoke('buckets.list', { accountId: 'a' })).resolves.toEqual({
      ok: false,
      error: {
        code: 'CONNECTION_RESET',
        message: 'Not connected to DSS Explorer: reconnecting. Try again in a moment.',
      },
    })
    await vi.advanceTimersByTimeAsync(100)
    expect(sockets).toHaveLength(2)
    // The shell is still away: the attempt fails, and another follows.
    latest().drop()
    await vi.advanceTimersByTimeAsync(100)
    expect(sockets).toHaveLength(3)
    latest().open()
    expect(statuses).toEqual(['connected', 'reconnecting', 'connected'])
    const after = api.invoke('app.info', {})
    expect(latest().sent).toEqual([{ type: 'invoke', id: 1, name: 'app.info', request: {} }])
    latest().answer({ type: 'result', id: 1, result: { ok: true, value: null } })
    await expect(after).resolves.toEqual({ ok: true, value: null })
  })

  it('fails invokes waiting for the first connection when it cannot be made', async () => {
    vi.useFakeTimers()
    const { api, latest } = setUp()
    const waiting = api.invoke('accounts.list', {})
    latest().drop()
    await expect(waiting).resolves.toMatchObject({
      ok: false,
      error: { message: 'Not connected to DSS Explorer: reconnecting. Try again in a moment.' },
    })
  })

  it('says the shell is gone after a minute of failed attempts, and stops trying', async () => {
    vi.useFakeTimers()
    const { api, sockets, latest, statuses } = setUp()
    latest().open()
    latest().drop()
    for (let virtualMs = 0; virtualMs < 60_000; virtualMs += 100) {
      await vi.advanceTimersByTimeAsync(100)
      latest().drop()
    }
    expect(api.connection.status()).toEqual({ state: 'lost', reason: 'gone' })
    expect(statuses.at(-1)).toBe('lost')
    const attempts = sockets.length
    await vi.advanceTimersByTimeAsync(600_000)
    expect(sockets).toHaveLength(attempts)
    await expect(api.invoke('accounts.list', {})).resolves.toMatchObject({
      ok: false,
      error: { message: 'DSS Explorer has stopped. Start it again, then reload this page.' },
    })
  })

  it('stops at once when the shell refuses this page’s token', async () => {
    vi.useFakeTimers()
    const checks: string[] = []
    let answer: 'accepted' | 'refused' | 'unreachable' = 'unreachable'
    const { api, sockets, latest } = setUp(async () => {
      checks.push(answer)
      return answer
    })
    latest().open()
    latest().drop() // a socket that had opened: no need to ask
    expect(checks).toEqual([])
    await vi.advanceTimersByTimeAsync(100)
    latest().drop() // never opened, the shell unreachable: keep trying
    await vi.advanceTimersByTimeAsync(100)
    expect(sockets).toHaveLength(3)
    answer = 'refused'
    latest().drop() // never opened, the shell up but refusing the token
    await vi.advanceTimersByTimeAsync(600_000)
    expect(checks).toEqual(['unreachable', 'refused'])
    expect(sockets).toHaveLength(3)
    expect(api.connection.status()).toEqual({ state: 'lost', reason: 'refused' })
    await expect(api.invoke('accounts.list', {})).resolves.toMatchObject({
      ok: false,
      error: {
        message:
          'DSS Explorer no longer accepts this page. Open the link it printed when it started.',
      },
    })
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
