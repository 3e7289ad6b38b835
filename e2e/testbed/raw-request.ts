/** Bare HTTP(S) requests for tests that need control the SDK does not give (raw paths, headers). */
import http from 'node:http'
import https from 'node:https'

export type RawResponse = {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly body: Buffer
}

export type RawRequestOptions = {
  readonly method?: string
  /** Sent as is, without any encoding. */
  readonly path?: string
  /** Flat name/value list, sent in this order and case (Host is added when missing). */
  readonly headers?: readonly string[]
  readonly body?: Buffer | string
  /** CA to trust for https URLs. */
  readonly ca?: string
  readonly agent?: http.Agent
}

export const rawRequest = (base: string, options: RawRequestOptions = {}): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const url = new URL(base)
    const send = url.protocol === 'https:' ? https.request : http.request
    const headers = [...(options.headers ?? [])]
    // Node adds no Host of its own when headers are given as a list.
    const hasHost = headers.some(
      (value, index) => index % 2 === 0 && value.toLowerCase() === 'host',
    )
    if (!hasHost) headers.unshift('Host', url.host)
    const req = send(
      {
        hostname: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers,
        ...(options.ca ? { ca: options.ca } : {}),
        // A fresh connection per request unless the test brings its own agent.
        agent: options.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.once('error', reject)
        res.once('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
      },
    )
    req.once('error', reject)
    req.end(options.body)
  })
