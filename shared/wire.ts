/** Messages of the web shell's WebSocket, which carries the same contract as Electron IPC. */
import { z } from 'zod'
import type { EventName, EventPayload } from './contract'
import type { Result } from './errors'

export const invokeMessage = z.strictObject({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  request: z.unknown(),
})

export type InvokeMessage = z.infer<typeof invokeMessage>

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
