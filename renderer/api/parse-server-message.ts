import type { Result } from '../../shared/errors'
import type { ServerMessage } from '../../shared/wire'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

const isResult = (value: unknown): value is Result<unknown> =>
  isRecord(value) && (value.ok === true || (value.ok === false && isRecord(value.error)))

/**
 * Reads one frame from the web shell, or null when it is not a message we know. The shell is
 * trusted code, so this checks the envelope only; payloads are typed by the contract. (Nothing
 * here imports the contract's values: they would pull zod into the renderer's bundle.)
 */
export const parseServerMessage = (data: unknown): ServerMessage | null => {
  if (typeof data !== 'string') return null
  let message: unknown
  try {
    message = JSON.parse(data)
  } catch {
    return null
  }
  if (!isRecord(message)) return null
  if (message.type === 'result' && typeof message.id === 'number' && isResult(message.result)) {
    return { type: 'result', id: message.id, result: message.result }
  }
  if (message.type === 'event' && typeof message.name === 'string') {
    return { type: 'event', name: message.name, payload: message.payload } as ServerMessage
  }
  return null
}
