/**
 * What the sandbox's S3 server refuses before s3rver sees a request. s3rver serves unsigned
 * requests as if they were signed, and answers web pages: anything on the machine, or any site
 * the user visits, could read and write the sandbox. Only signed requests from programs pass;
 * s3rver then checks the signature against the app's own key.
 */
import type { IncomingHttpHeaders, RequestListener } from 'node:http'

type RequestHead = {
  readonly headers: IncomingHttpHeaders
  readonly url?: string
}

/** Why the request is refused, or null to hand it on. */
export const refusalFor = (request: RequestHead): string | null => {
  // Browsers send Origin on every cross-site request that could change something (form POSTs,
  // fetch); the app's main process and a share link's recipient (curl, a link opened in a
  // browser tab) never do.
  if (request.headers.origin !== undefined) {
    return 'The local sandbox does not accept requests from web pages.'
  }
  const query = new URL(request.url ?? '/', 'http://sandbox.invalid').searchParams
  const signed =
    request.headers.authorization !== undefined ||
    query.has('Signature') ||
    (query.has('X-Amz-Algorithm') && query.has('X-Amz-Signature'))
  if (!signed) return 'The local sandbox accepts only signed requests.'
  // A bucket with a website configuration is served by s3rver without checking signatures at
  // all; the app never sets one (DSS has no such call), so no bucket may get one.
  if (query.has('website')) return 'The local sandbox does not host websites.'
  return null
}

/** `handler` behind the filter: a refused request gets S3's 403 AccessDenied, body unread. */
export const filterRequests =
  (handler: RequestListener): RequestListener =>
  (request, response) => {
    const refusal = refusalFor(request)
    if (refusal === null) {
      handler(request, response)
      return
    }
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<Error><Code>AccessDenied</Code><Message>${refusal}</Message></Error>`
    // The body of a refused upload is not read: close the connection rather than drain it.
    response.writeHead(403, {
      'Content-Type': 'application/xml',
      'Content-Length': Buffer.byteLength(body),
      Connection: 'close',
    })
    response.end(body)
  }
