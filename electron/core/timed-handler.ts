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
  }

  override handle(request: HttpRequest, options: HttpHandlerOptions = {}) {
    return super.handle(request, {
      ...options,
      requestTimeout: hasBody(request) ? undefined : this.firstByteMs,
    })
  }
}

export const createTimedHandler = (
  limits: RequestLimits,
  agents: { readonly httpAgent: HttpAgent; readonly httpsAgent: HttpsAgent },
): NodeHttpHandler => new TimedHandler(limits, agents)
