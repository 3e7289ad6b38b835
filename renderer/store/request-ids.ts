/**
 * Ids for commands the user may give up on (`requestId`, then `requests.cancel`). Unique per
 * window: several windows (web shell tabs) may share one core.
 */
import type { DssApi } from '../../shared/contract'

export const createRequestIds = (): ((kind: string) => string) => {
  const session = Math.random().toString(36).slice(2, 10)
  let next = 0
  return (kind) => `${session}-${kind}-${(next += 1)}`
}

/**
 * Sends a command under a fresh request id; aborting `signal` (a dialog closed, a folder
 * collapsed) asks main to stop it, so no request is left running for an answer no one reads.
 */
export const sendCancellable = async <T>(
  api: Pick<DssApi, 'invoke'>,
  requestId: string,
  signal: AbortSignal | undefined,
  send: (requestId: string) => Promise<T>,
): Promise<T> => {
  const stop = (): void => void api.invoke('requests.cancel', { requestId })
  signal?.addEventListener('abort', stop, { once: true })
  try {
    return await send(requestId)
  } finally {
    signal?.removeEventListener('abort', stop)
  }
}
