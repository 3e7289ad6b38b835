/** S3-style XML error responses, shaped like the real service's so SDKs parse them as such. */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export type S3ErrorSpec = {
  readonly status: number
  readonly code: string
  readonly message: string
}

export const SLOW_DOWN: S3ErrorSpec = {
  status: 503,
  code: 'SlowDown',
  message: 'Please reduce your request rate.',
}

export const INTERNAL_ERROR: S3ErrorSpec = {
  status: 500,
  code: 'InternalError',
  message: 'We encountered an internal error. Please try again.',
}

/** What a server without ListObjectsV2 answers (fault `refuseListV2`). */
export const NOT_IMPLEMENTED: S3ErrorSpec = {
  status: 501,
  code: 'NotImplemented',
  message: 'A header you provided implies functionality that is not implemented.',
}

/** Not an S3 code: the emulator's own failure to reach its upstream, kept distinguishable. */
export const BAD_GATEWAY: S3ErrorSpec = {
  status: 502,
  code: 'BadGateway',
  message: 'The gateway emulator could not reach the storage peer.',
}

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`)

export const newRequestId = (): string => randomBytes(8).toString('hex').toUpperCase()

export const s3ErrorXml = (code: string, message: string, requestId: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?>' +
  `<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>` +
  `<RequestId>${escapeXml(requestId)}</RequestId></Error>`

/**
 * Sends the error and returns the body bytes sent. `closeConnection` is for requests whose body
 * the client has not sent (Expect: 100-continue) or that the emulator stopped reading: the
 * connection cannot carry another request after them.
 */
export const sendS3Error = (
  req: IncomingMessage,
  res: ServerResponse,
  error: S3ErrorSpec,
  closeConnection: boolean,
): number => {
  const requestId = newRequestId()
  const body = Buffer.from(s3ErrorXml(error.code, error.message, requestId))
  res.writeHead(error.status, {
    'Content-Type': 'application/xml',
    'Content-Length': body.length,
    'x-amz-request-id': requestId,
    ...(closeConnection ? { Connection: 'close' } : {}),
  })
  res.end(body)
  // A HEAD response carries the length but no body.
  return req.method === 'HEAD' ? 0 : body.length
}
