/** The web shell's transport: the contract's commands and events over one WebSocket. */
import type { DssApi, EventName, EventPayload } from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import type { InvokeMessage } from '../../shared/wire'
import { parseServerMessage } from './parse-server-message'
import { reconnectDelay } from './reconnect-delay'

export type WebSocketClientOptions = {
  readonly url: string
  /** Injected by tests; the browser's WebSocket otherwise. */
  readonly createSocket?: (url: string) => WebSocket
  readonly retryDelay?: (attempt: number) => number
}

type Pending = {
  readonly frame: string
  readonly resolve: (result: Result<unknown>) => void
  sent: boolean
}

// WebSocket.OPEN, spelled out so the module also loads where WebSocket is not a global (tests).
const OPEN = 1

const connectionReset: AppError = {
  code: 'CONNECTION_RESET',
  message: "Lost the connection to DSS Explorer's core. Try again in a moment.",
}

export const createWebSocketClient = ({
  url,
  createSocket = (address) => new WebSocket(address),
  retryDelay = reconnectDelay,
}: WebSocketClientOptions): DssApi => {
  let nextId = 0
  let failedAttempts = 0
  let socket: WebSocket | null = null
  // Invokes wait here until their answer arrives; unsent ones survive a reconnect.
  const pending = new Map<number, Pending>()
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()

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

  const dropInFlight = (): void => {
    for (const [id, request] of pending) {
      if (!request.sent) continue
      request.resolve({ ok: false, error: connectionReset })
      pending.delete(id)
    }
  }

  const connect = (): void => {
    const current = createSocket(url)
    socket = current
    current.onopen = () => {
      failedAttempts = 0
      flush()
    }
    current.onmessage = (event) => receive(event.data)
    current.onclose = () => {
      if (socket !== current) return
      socket = null
      dropInFlight()
      setTimeout(connect, retryDelay(failedAttempts))
      failedAttempts += 1
    }
  }

  connect()

  return {
    invoke: (name, request) => {
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
  }
}
