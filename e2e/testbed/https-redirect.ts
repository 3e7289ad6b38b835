/** The plain HTTP side of the gateway: like DSS, it only ever redirects to HTTPS, never forwards. */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** `host[:port]` → the host part for a URL (brackets kept for IPv6); loopback when unusable. */
const hostOf = (hostHeader: string | undefined): string => {
  try {
    return new URL(`http://${hostHeader ?? ''}`).hostname || '127.0.0.1'
  } catch {
    return '127.0.0.1'
  }
}

/** Same host name the client used, the HTTPS port, the request target unchanged. */
export const httpsLocation = (req: IncomingMessage, httpsPort: number): string =>
  `https://${hostOf(req.headers.host)}:${httpsPort}${req.url ?? '/'}`

export const redirectToHttps = (
  req: IncomingMessage,
  res: ServerResponse,
  httpsPort: number,
  expectsContinue: boolean,
): void => {
  res.writeHead(301, {
    Location: httpsLocation(req, httpsPort),
    'Content-Length': 0,
    // The client is waiting for a 100 Continue that never comes: end the exchange cleanly.
    ...(expectsContinue ? { Connection: 'close' } : {}),
  })
  res.end()
}
