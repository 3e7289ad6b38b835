/**
 * The three request limits (request-limits.ts) on a plain Node HTTP request, for the few requests
 * made without the SDK (the HTTPS-redirect probe, link checks): a connect that never completes, a
 * server that never answers, or an answer that stops half way each end the request with the same
 * TIMEOUT sentence the SDK's requests end with.
 */
import type { ClientRequest } from 'node:http'
import { CodedError } from '../../shared/errors'
import { timeoutError, type RequestLimits, type TimeoutStage } from './request-limits'

export const applyRequestLimits = (
  request: ClientRequest,
  host: string,
  limits: RequestLimits,
): void => {
  const cut = (stage: TimeoutStage): void => {
    const { code, message } = timeoutError(host, stage, limits[stage])
    request.destroy(new CodedError(code, message))
  }
  let timer = setTimeout(() => cut('connectMs'), limits.connectMs)
  const restart = (stage: TimeoutStage): void => {
    clearTimeout(timer)
    timer = setTimeout(() => cut(stage), limits[stage])
  }
  request.once('socket', (socket) => {
    // The TLS handshake counts against the first byte, as it does for the SDK's requests.
    if (socket.connecting) socket.once('connect', () => restart('firstByteMs'))
    else restart('firstByteMs')
  })
  let answered = false
  request.once('response', (response) => {
    answered = true
    // Silence once the answer has started: restarted by every chunk.
    const idle = (): void => restart('idleMs')
    idle()
    response.on('data', idle)
    response.once('close', () => clearTimeout(timer))
  })
  // Ended before an answer (an error, a cancel): nothing is left to time.
  request.once('close', () => {
    if (!answered) clearTimeout(timer)
  })
}
