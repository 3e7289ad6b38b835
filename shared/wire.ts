/** Messages of the web shell's WebSocket, which carries the same contract as Electron IPC. */
import type { EventName, EventPayload } from './contract'
import type { Result } from './errors'

/** Renderer → core. The web shell validates it before dispatching (it is untrusted input). */
export type InvokeMessage = {
  readonly type: 'invoke'
  readonly id: number
  readonly name: string
  readonly request: unknown
}

export type ResultMessage = {
  readonly type: 'result'
  readonly id: number
  readonly result: Result<unknown>
}

export type EventMessage<E extends EventName = EventName> = {
  readonly type: 'event'
  readonly name: E
  readonly payload: EventPayload<E>
}

export type ServerMessage = ResultMessage | EventMessage

/** Query parameter and header names the web shell's token travels in. */
export const TOKEN_PARAM = 'token'
export const WS_PATH = '/ws'
