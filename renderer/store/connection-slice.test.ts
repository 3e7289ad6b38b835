import { describe, expect, it, vi } from 'vitest'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import type { Connection, ConnectionStatus } from '../api/connection-status'
import { createFakeDssApi, sandboxAccount } from '../api/fake-dss-api.test-fixture'
import { createWebSocketClient } from '../api/web-socket-client'
import { demo, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import { watchConnection } from './connection-slice'
import { createAppStore } from './create-app-store'
import { startSubscriptions } from './subscriptions'

const objects = { demo: [{ key: 'a.txt', size: 1 }] }

/** A connection the test moves from one status to the next. */
const fakeConnection = () => {
  let status: ConnectionStatus = { state: 'connecting' }
  const listeners = new Set<(status: ConnectionStatus) => void>()
  const connection: Connection = {
    status: () => status,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  const move = (next: ConnectionStatus): void => {
    status = next
    listeners.forEach((listener) => listener(next))
  }
  return { connection, move }
}

/**
 * A socket to a web shell made of the fake API: it opens while `up()` says so, answers every
 * invoke from the fake, and can be dropped like a stopped shell's.
 */
const fakeShell = () => {
  const api = createFakeDssApi({
    accounts: [sandboxAccount],
    buckets: { [SANDBOX_ACCOUNT_ID]: [{ name: 'demo', createdAt: null }] },
    objects: { [SANDBOX_ACCOUNT_ID]: objects },
  })
  let up = true
  const open = new Set<BridgedSocket>()

  class BridgedSocket {
    readyState = 0
    onopen: (() => void) | null = null
    onclose: (() => void) | null = null
    onmessage: ((event: { data: unknown }) => void) | null = null

    constructor() {
      setTimeout(() => {
        if (up) {
          this.readyState = 1
          open.add(this)
          this.onopen?.()
        } else {
          this.drop()
        }
      })
    }

    send(frame: string): void {
      const { id, name, request } = JSON.parse(frame) as {
        id: number
        name: Parameters<typeof api.invoke>[0]
        request: never
      }
      void api.invoke(name, request).then((result) => {
        if (this.readyState === 1) {
          this.onmessage?.({ data: JSON.stringify({ type: 'result', id, result }) })
        }
      })
    }

    drop(): void {
      this.readyState = 3
      open.delete(this)
      this.onclose?.()
    }
  }

  return {
    api,
    createSocket: () => new BridgedSocket() as unknown as WebSocket,
    stop: () => {
      up = false
      open.forEach((socket) => socket.drop())
    },
    start: () => {
      up = true
    },
  }
}

describe('the connection, as the store sees it', () => {
  it('reads again what events would have changed once the link is back', async () => {
    const { store, callsOf } = await setUpBrowser(objects)
    const { connection, move } = fakeConnection()
    watchConnection(store, connection)
    await openAndWait(store, demo)
    move({ state: 'connected' })
    const before = {
      accounts: callsOf('accounts.list').length,
      transfers: callsOf('transfers.list').length,
      sandbox: callsOf('sandbox.start').length,
      buckets: callsOf('buckets.list').length,
      listings: callsOf('objects.list').length,
    }
    // The first connection is no catch-up: the subscriptions load everything once.
    expect(before.accounts).toBe(1)
    move({ state: 'reconnecting' })
    expect(store.getState().connection).toEqual({ state: 'reconnecting' })
    move({ state: 'connected' })
    await vi.waitFor(() => {
      expect(callsOf('accounts.list')).toHaveLength(before.accounts + 1)
      expect(callsOf('transfers.list')).toHaveLength(before.transfers + 1)
      expect(callsOf('sandbox.start')).toHaveLength(before.sandbox + 1)
      expect(callsOf('buckets.list')).toHaveLength(before.buckets + 1)
      expect(callsOf('objects.list')).toHaveLength(before.listings + 1)
    })
  })

  it('over a socket: a Refresh while the shell is away fails with a sentence, and works once it is back', async () => {
    const shell = fakeShell()
    const client = createWebSocketClient({
      url: 'ws://127.0.0.1:1/ws?token=t',
      createSocket: shell.createSocket,
      retryDelay: () => 5,
    })
    const store = createAppStore(client)
    const stop = startSubscriptions(store, client)
    const unwatch = watchConnection(store, client.connection)
    await vi.waitFor(() =>
      expect(store.getState().bucketLists.get(SANDBOX_ACCOUNT_ID)?.state).toBe('loaded'),
    )
    await openAndWait(store, demo)

    shell.stop()
    expect(store.getState().connection).toEqual({ state: 'reconnecting' })
    store.getState().refreshListing()
    await vi.waitFor(() =>
      expect(store.getState().listing?.status).toEqual({
        state: 'failed',
        error: {
          code: 'CONNECTION_RESET',
          message: 'Not connected to DSS Explorer: reconnecting. Try again in a moment.',
        },
      }),
    )

    const listings = shell.api.calls.filter((call) => call.name === 'objects.list').length
    shell.start()
    await vi.waitFor(() => expect(store.getState().connection).toEqual({ state: 'connected' }))
    await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
    expect(store.getState().listing?.entries.map((entry) => entry.key)).toEqual(['a.txt'])
    expect(shell.api.calls.filter((call) => call.name === 'objects.list').length).toBeGreaterThan(
      listings,
    )
    unwatch()
    stop()
  })
})
