/**
 * The SDK's Node HTTP handler with the three request limits switched on as errors: a connect
 * timeout, a first-byte deadline for requests without a body, and an idle timeout on the socket.
 * Without `throwOnRequestTimeout` the SDK only logs a warning and a stalled server hangs forever.
 */
import type { Agent as HttpAgent } from 'node:http'
import type { Agent as HttpsAgent } from 'node:https'
import { NodeHttpHandler } from '@smithy/node-http-handler'

type HttpRequest = Parameters<NodeHttpHandler['handle']>[0]
import type { HttpHandlerOptions } from '@smithy/types'
import type { RequestLimits } from './request-limits'

/**
 * A request whose body takes time to send (a part) has no first-byte deadline: the upload
 * itself would count against it. The idle timeout still cuts it if nothing moves.
 */
const hasBody = (request: HttpRequest): boolean => {
  const body: unknown = request.body
  if (body === undefined || body === null) return false
  if (typeof body === 'string' || body instanceof Uint8Array) return body.length > 0
  return true
}

class TimedHandler extends NodeHttpHandler {
  private readonly firstByteMs: number
  private readonly connectMs: number
  private readonly idleMs: number

  constructor(
    limits: RequestLimits,
    agents: { readonly httpAgent: HttpAgent; readonly httpsAgent: HttpsAgent },
  ) {
    super({
      ...agents,
      connectionTimeout: limits.connectMs,
      socketTimeout: limits.idleMs,
      throwOnRequestTimeout: true,
    })
    this.firstByteMs = limits.firstByteMs
    this.connectMs = limits.connectMs
    this.idleMs = limits.idleMs
  }

  /**
   * The handler's request timeout runs from the start, connect included, so it is given the
   * connect limit on top: a connect that never completes ends as a connect timeout, and an answer
   * that never comes gets at least the first-byte limit once connected. A request without a body
   * that fails before its answer's headers, on either timer, had no answer: its message says so,
   * with the silence it was given.
   */
  override async handle(request: HttpRequest, options: HttpHandlerOptions = {}) {
    if (hasBody(request)) return super.handle(request, { ...options, requestTimeout: undefined })
    try {
      return await super.handle(request, {
        ...options,
        requestTimeout: this.connectMs + this.firstByteMs,
      })
    } catch (error) {
      const message = (error as { message?: unknown }).message
      if (typeof message !== 'string') throw error
      const waited = message.includes('requestTimeout')
        ? this.firstByteMs
        : message.includes('inactivity')
          ? this.idleMs
          : null
      if (waited !== null) {
        ;(error as { message: string }).message =
          `no answer within ${waited} ms of connecting (requestTimeout)`
      }
      throw error
    }
  }
}

export const createTimedHandler = (
  limits: RequestLimits,
  agents: { readonly httpAgent: HttpAgent; readonly httpsAgent: HttpsAgent },
): NodeHttpHandler => new TimedHandler(limits, agents)
