/**
 * One plain HTTP request with a link (no SDK): it waits for the account's request governor like
 * every other request, lands in the account's request log, and trusts the account's CA file.
 * Used by the SigV2 check and "check link"; each is a single request the user asked for.
 */
import http from 'node:http'
import https from 'node:https'
import tls from 'node:tls'
import type { Connection } from '../accounts'
import { applyRequestLimits } from '../raw-request-limits'
import { retryAfterMs } from '../request-governor'
import type { RequestLimits } from '../request-limits'

export type LinkResponse = {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  /** The start of an error's body (enough for an S3 error document); '' on success. */
  readonly body: string
}

/** Error documents are small; more than this is not an error document. */
const BODY_LIMIT = 64 * 1024

const send = (
  url: URL,
  options: {
    method: string
    headers: Record<string, string>
    caPem: string | null
    limits: RequestLimits
    signal?: AbortSignal
  },
): Promise<LinkResponse> =>
  new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http
    const request = transport.request(url, {
      method: options.method,
      headers: options.headers,
      // One request, one connection: nothing is left open in a pool afterwards.
      agent: false,
      ca: options.caPem ? [...tls.rootCertificates, options.caPem] : undefined,
      signal: options.signal,
    })
    // The account's limits, as for its SDK requests: a stall ends with TIMEOUT naming the host.
    applyRequestLimits(request, url.host, options.limits)
    request.once('error', reject)
    request.once('response', (response) => {
      const status = response.statusCode ?? 0
      if (status >= 200 && status < 300) {
        // Success says all a check needs; a server that ignores the Range must not send it all.
        response.destroy()
        resolve({ status, headers: response.headers, body: '' })
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      const finish = (): void =>
        resolve({
          status,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        })
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        size += chunk.length
        if (size >= BODY_LIMIT) {
          response.destroy()
          finish()
        }
      })
      response.once('end', finish)
      response.once('error', reject)
    })
    request.end()
  })

/** Sends `method url` once the governor allows it; network failures are thrown as they are. */
export const governedRequest = async (
  connection: Connection,
  request: {
    readonly method: 'GET'
    readonly url: string
    readonly headers?: Readonly<Record<string, string>>
    /** What the request log shows. */
    readonly bucket: string
    readonly key: string
  },
  signal?: AbortSignal,
): Promise<LinkResponse> => {
  const release = await connection.governor.acquire('interactive', signal)
  const time = Date.now()
  let status = 0
  try {
    const response = await send(new URL(request.url), {
      method: request.method,
      headers: { ...request.headers },
      caPem: connection.settings.caPem ?? null,
      limits: connection.limits,
      ...(signal ? { signal } : {}),
    })
    status = response.status
    if (status === 503 || status === 429) {
      const retryAfter = response.headers['retry-after']
      connection.governor.throttled(
        retryAfterMs(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter),
      )
    }
    return response
  } finally {
    release(status > 0 ? 'answered' : undefined)
    connection.log.add({
      time,
      method: request.method,
      bucket: request.bucket,
      key: request.key,
      status,
      durationMs: Date.now() - time,
    })
  }
}

/** The `<Code>` and `<Message>` of an S3 error document, if the body is one. */
export const s3ErrorOf = (body: string): { code: string; message: string } => {
  const field = (name: string): string => {
    const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)
    return (match?.[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  }
  return { code: field('Code'), message: field('Message') }
}
