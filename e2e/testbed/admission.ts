/**
 * What happens to an HTTPS request the rate limit let through: latency, then a fault (a stall
 * among them) or the proxy (which may damage a body on its way).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { drawFault, stallsFor, type FaultSettings } from './faults.js'
import {
  forwardRequest,
  hasRequestBody,
  resetDuringUpload,
  type Upstream,
} from './proxy-request.js'
import type { RequestTrace } from './request-log.js'
import { INTERNAL_ERROR, NOT_IMPLEMENTED, sendS3Error } from './s3-error-response.js'

export type Admission = {
  readonly faults: () => FaultSettings
  readonly random: () => number
  readonly upstream: Upstream
  readonly stopping: AbortSignal
}

/** Everything after the rate limit: latency, then an injected error, a reset, or forwarding. */
export const admit = async (
  req: IncomingMessage,
  res: ServerResponse,
  trace: RequestTrace,
  expectsContinue: boolean,
  admission: Admission,
): Promise<void> => {
  // Drawn at arrival so the sequence of faults follows the order of requests, not of timers.
  const settings = admission.faults()
  const fault = drawFault(settings, admission.random, {
    corruptible: req.method === 'PUT' && Number(req.headers['content-length'] ?? 0) > 0,
  })
  if (settings.latencyMs > 0) {
    try {
      await delay(settings.latencyMs, undefined, { signal: admission.stopping })
    } catch {
      return // stopping: the connection is being closed anyway
    }
    if (req.socket.destroyed) return
  }
  trace.fault = fault
  const stall = stallsFor(settings, req.method ?? '')
  if (stall) {
    trace.fault = 'stall'
    if (expectsContinue) res.writeContinue()
    if (stall.mode === 'body') {
      forwardRequest(req, res, trace, admission.upstream, { resetResponse: false, stallBody: true })
      return
    }
    // Read (and drop) what is sent, answer nothing: the socket stays open and silent.
    req.on('data', (chunk: Buffer) => {
      trace.bytesIn += chunk.length
    })
    return
  }
  if (settings.refuseListV2 && req.method === 'GET' && /[?&]list-type=2(&|$)/.test(req.url ?? '')) {
    trace.bytesOut += sendS3Error(req, res, NOT_IMPLEMENTED, expectsContinue)
    return
  }
  if (fault === 'error') {
    trace.bytesOut += sendS3Error(req, res, INTERNAL_ERROR, expectsContinue)
    return
  }
  // The request is going ahead: now let a client that waits for `100 Continue` send its body.
  if (expectsContinue) res.writeContinue()
  if (fault === 'reset' && hasRequestBody(req)) {
    resetDuringUpload(req, trace)
    return
  }
  forwardRequest(req, res, trace, admission.upstream, {
    resetResponse: fault === 'reset',
    corruptBody: fault === 'corrupt',
  })
}
