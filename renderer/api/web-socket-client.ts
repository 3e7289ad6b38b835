/**
 * The web shell's transport: the contract's commands and events over one WebSocket, and the
 * state of that link (connection-status.ts). When the socket drops, invokes fail at once instead
 * of waiting, and the client reconnects with backoff until the shell is back, or gives up.
 */
import type { DssApi, EventName, EventPayload } from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import type { InvokeMessage } from '../../shared/wire'
import { notConnectedError, type Connection, type ConnectionStatus } from './connection-status'
import { parseServerMessage } from './parse-server-message'
import { reconnectDelay } from './reconnect-delay'

/** What the shell says of this page's token: a wrong one can never connect, so stop trying. */
export type AccessCheck = () => Promise<'accepted' | 'refused' | 'unreachable'>

export type WebSocketClientOptions = {
  readonly url: string
  /** Injected by tests; the browser's WebSocket otherwise. */
  readonly createSocket?: (url: string) => WebSocket
  readonly retryDelay?: (attempt: number) => number
  /** How long to keep trying after the socket dropped before saying the shell is gone. */
  readonly giveUpAfterMs?: number
  readonly now?: () => number
  /** Asked after an attempt that never opened; "accepted" by default. */
  readonly checkAccess?: AccessCheck
}

export type WebSocketClient = DssApi & { readonly connection: Connection }

type Pending = {
  readonly frame: string
  readonly resolve: (result: Result<unknown>) => void
  sent: boolean
}

// WebSocket.OPEN, spelled out so the module also loads where WebSocket is not a global (tests).
const OPEN = 1

/** About a minute, as a user waits for a restart before deciding the app is gone. */
export const GIVE_UP_AFTER_MS = 60_000

const connectionReset: AppError = {
  code: 'CONNECTION_RESET',
  message: "Lost the connection to DSS Explorer's core. Try again in a moment.",
}

export const createWebSocketClient = ({
  url,
  createSocket = (address) => new WebSocket(address),
  retryDelay = reconnectDelay,
  giveUpAfterMs = GIVE_UP_AFTER_MS,
  now = Date.now,
  checkAccess = async () => 'accepted',
}: WebSocketClientOptions): WebSocketClient => {
  let nextId = 0
  let failedAttempts = 0
  let socket: WebSocket | null = null
  let status: ConnectionStatus = { state: 'connecting' }
  /** When the link was last up (or the page started): the give-up clock runs from here. */
  let lastUp = now()
  // Invokes wait here until their answer arrives; unsent ones wait for the first connection.
  const pending = new Map<number, Pending>()
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const statusListeners = new Set<(status: ConnectionStatus) => void>()

  const setStatus = (next: ConnectionStatus): void => {
    status = next
    for (const listener of [...statusListeners]) listener(next)
  }

  const isOpen = (): boolean => socket?.readyState === OPEN

  const flush = (): void => {
    for (const request of pending.values()) {
      if (request.sent || !isOpen()) continue
      socket?.send(request.frame)
      request.sent = true
    }
  }

  const receive = (data: unknown): void => {
    const message = parseServerMessage(data)
    if (message?.type === 'result') {
      pending.get(message.id)?.resolve(message.result)
      pending.delete(message.id)
    } else if (message?.type === 'event') {
      for (const listener of listeners.get(message.name) ?? []) listener(message.payload)
    }
  }

  /** Answers every waiting invoke: those sent may never be answered, the others not soon. */
  const failPending = (): void => {
    for (const request of pending.values()) {
      request.resolve({
        ok: false,
        error: request.sent ? connectionReset : notConnectedError(status),
      })
    }
    pending.clear()
  }

  /** After a close: try again later, or give up when it has been too long or the token is refused. */
  const retry = async (opened: boolean): Promise<void> => {
    if (now() - lastUp >= giveUpAfterMs) {
      setStatus({ state: 'lost', reason: 'gone' })
      return
    }
    // The browser hides why an upgrade failed; the page's own address tells a refusal apart.
    if (!opened && (await checkAccess()) === 'refused') {
      setStatus({ state: 'lost', reason: 'refused' })
      return
    }
    setTimeout(connect, retryDelay(failedAttempts))
    failedAttempts += 1
  }

  const connect = (): void => {
    const current = createSocket(url)
    let opened = false
    socket = current
    current.onopen = () => {
      opened = true
      failedAttempts = 0
      setStatus({ state: 'connected' })
      flush()
    }
    current.onmessage = (event) => receive(event.data)
    current.onclose = () => {
      if (socket !== current) return
      socket = null
      if (opened) lastUp = now()
      if (status.state !== 'reconnecting') setStatus({ state: 'reconnecting' })
      failPending()
      void retry(opened)
    }
  }

  connect()

  return {
    invoke: (name, request) => {
      if (status.state === 'reconnecting' || status.state === 'lost') {
        return Promise.resolve({ ok: false, error: notConnectedError(status) })
      }
      const id = nextId++
      const message: InvokeMessage = { type: 'invoke', id, name, request }
      return new Promise((resolve) => {
        pending.set(id, {
          frame: JSON.stringify(message),
          // The shell answers with the contract's response type for `name`.
          resolve: resolve as (result: Result<unknown>) => void,
          sent: false,
        })
        flush()
      })
    },
    on: <E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) => {
      const untyped = listener as (payload: unknown) => void
      listeners.set(name, new Set(listeners.get(name)).add(untyped))
      return () => {
        const remaining = new Set(listeners.get(name))
        remaining.delete(untyped)
        listeners.set(name, remaining)
      }
    },
    connection: {
      status: () => status,
      subscribe: (listener) => {
        statusListeners.add(listener)
        return () => {
          statusListeners.delete(listener)
        }
      },
    },
  }
}
