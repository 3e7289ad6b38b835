/**
 * Forwards one admitted request upstream exactly as sent (or with one byte of its body flipped,
 * fault `corrupt`), streaming both bodies.
 */
import http from 'node:http'
import https from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Transform } from 'node:stream'
import { REQUEST_HOP_BY_HOP, RESPONSE_HOP_BY_HOP, withoutHopByHop } from './hop-by-hop.js'
import type { RequestTrace } from './request-log.js'
import { BAD_GATEWAY, sendS3Error } from './s3-error-response.js'

export type Upstream = { readonly url: URL; readonly agent: http.Agent }

/** Keep-alive, as a real gateway pools its backend connections. */
export const createUpstream = (upstream: string): Upstream => {
  const url = new URL(upstream)
  if (url.protocol === 'http:') return { url, agent: new http.Agent({ keepAlive: true }) }
  if (url.protocol === 'https:') return { url, agent: new https.Agent({ keepAlive: true }) }
  throw new TypeError(`upstream must be an http(s) URL, got ${upstream}`)
}

/** How much of a body a reset lets through: enough to be "mid-body", never a whole large one. */
const PARTIAL_BYTES_MAX = 64 * 1024

/** Request bytes to read before a reset: half of a known length (≥ 1), else the first chunk. */
export const partialRequestBytes = (req: IncomingMessage): number => {
  const length = Number(req.headers['content-length'])
  return Number.isFinite(length)
    ? Math.max(1, Math.min(Math.floor(length / 2), PARTIAL_BYTES_MAX))
    : 1
}

/** A request whose body is on its way, so a reset can cut the upload. */
export const hasRequestBody = (req: IncomingMessage): boolean =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined

/** Drops the client's connection without a response, as a reset gateway would. */
export const resetConnection = (req: IncomingMessage): void => {
  req.socket.destroy()
}

/** Reads part of the upload (nothing reaches the upstream), then resets the connection. */
export const resetDuringUpload = (req: IncomingMessage, trace: RequestTrace): void => {
  const budget = partialRequestBytes(req)
  req.on('data', (chunk: Buffer) => {
    trace.bytesIn += chunk.length
    if (trace.bytesIn >= budget) resetConnection(req)
  })
  req.once('end', () => resetConnection(req))
}

const relayResponse = (upRes: IncomingMessage, res: ServerResponse, trace: RequestTrace): void => {
  res.writeHead(
    upRes.statusCode ?? 502,
    upRes.statusMessage,
    withoutHopByHop(upRes.rawHeaders, RESPONSE_HOP_BY_HOP),
  )
  upRes.on('data', (chunk: Buffer) => {
    trace.bytesOut += chunk.length
  })
  upRes.pipe(res)
  // An upstream that dies mid-body must not leave the client waiting for the rest.
  upRes.once('close', () => {
    if (!upRes.complete) res.destroy()
  })
}

/**
 * Sends the status line, the headers and part of the body, then resets the connection. A response
 * without a body to cut (HEAD, 204, 304, under 2 bytes) is reset before its status line instead.
 */
const resetMidResponse = (
  req: IncomingMessage,
  upRes: IncomingMessage,
  res: ServerResponse,
  trace: RequestTrace,
): void => {
  const reset = (): void => {
    resetConnection(req)
    upRes.destroy()
  }
  const length = Number(upRes.headers['content-length'])
  const bodyless =
    req.method === 'HEAD' || upRes.statusCode === 204 || upRes.statusCode === 304 || length < 2
  if (bodyless) return reset()
  let budget = Number.isFinite(length) ? Math.min(Math.floor(length / 2), PARTIAL_BYTES_MAX) : 0
  let lastWriteStarted = false
  res.writeHead(
    upRes.statusCode ?? 502,
    upRes.statusMessage,
    withoutHopByHop(upRes.rawHeaders, RESPONSE_HOP_BY_HOP),
  )
  upRes.on('data', (chunk: Buffer) => {
    if (budget === 0) budget = Math.max(1, Math.floor(chunk.length / 2))
    const part = chunk.subarray(0, Math.max(0, budget - trace.bytesOut))
    if (part.length === 0 || lastWriteStarted) return
    trace.bytesOut += part.length
    if (trace.bytesOut < budget) {
      res.write(part)
      return
    }
    // Reset only once the part is flushed, or the client might not see the headers at all.
    lastWriteStarted = true
    upRes.pause()
    res.write(part, reset)
  })
  upRes.once('end', () => {
    if (!lastWriteStarted) reset()
  })
}

/**
 * Passes a body through with the byte at `offset` inverted (a copy of its chunk is changed, never
 * the chunk itself), as a faulty link or middlebox would: the length stays what was declared.
 */
export const flipByteAt = (offset: number): Transform => {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const at = offset - seen
      seen += chunk.length
      if (at < 0 || at >= chunk.length) return done(null, chunk)
      const damaged = Buffer.from(chunk)
      damaged[at] = (damaged[at] ?? 0) ^ 0xff
      done(null, damaged)
    },
  })
}

/** Sends the status line and headers, then nothing: the body never comes (fault `stall`). */
const stallResponse = (upRes: IncomingMessage, res: ServerResponse): void => {
  res.writeHead(
    upRes.statusCode ?? 502,
    upRes.statusMessage,
    withoutHopByHop(upRes.rawHeaders, RESPONSE_HOP_BY_HOP),
  )
  res.flushHeaders()
  upRes.resume()
}

export const forwardRequest = (
  req: IncomingMessage,
  res: ServerResponse,
  trace: RequestTrace,
  upstream: Upstream,
  options: {
    readonly resetResponse: boolean
    readonly corruptBody?: boolean
    readonly stallBody?: boolean
  },
): void => {
  const { url, agent } = upstream
  const send = url.protocol === 'https:' ? https.request : http.request
  const upstreamReq = send({
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port,
    method: req.method,
    // The target exactly as the client sent it: re-encoding would break the signature.
    path: req.url,
    headers: withoutHopByHop(req.rawHeaders, REQUEST_HOP_BY_HOP),
    agent,
  })
  upstreamReq.on('response', (upRes) => {
    if (options.stallBody) stallResponse(upRes, res)
    else if (options.resetResponse) resetMidResponse(req, upRes, res, trace)
    else relayResponse(upRes, res, trace)
  })
  // Only bodies of a declared length are corrupted (see admission.ts): the byte in the middle.
  const body = options.corruptBody
    ? req.pipe(flipByteAt(Math.floor(Number(req.headers['content-length']) / 2)))
    : req
  upstreamReq.on('error', () => {
    body.unpipe(upstreamReq)
    // Errors after the client is gone (or after a deliberate reset) need no answer.
    if (req.socket.destroyed || res.writableEnded) return
    if (res.headersSent) {
      res.destroy()
      return
    }
    // The rest of the upload will not be read, so the connection cannot be reused.
    trace.bytesOut += sendS3Error(req, res, BAD_GATEWAY, true)
  })
  // The client went away (or was reset): stop the upstream exchange too.
  res.once('close', () => {
    if (!res.writableFinished) upstreamReq.destroy()
  })
  req.on('data', (chunk: Buffer) => {
    trace.bytesIn += chunk.length
  })
  body.pipe(upstreamReq)
}
