import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { CodedError, type ErrorCode } from '../../shared/errors'
import { toAppError } from './error-mapper'

const context = { endpoint: 'https://s3.example.test:8443', bucket: 'photos', key: 'a+b.txt' }

/** An error as the SDK's deserializer builds it from an S3 XML error body. */
const s3Error = (name: string, status: number, extra: Record<string, unknown> = {}): Error =>
  Object.assign(
    new S3ServiceException({
      name,
      $fault: status >= 500 ? 'server' : 'client',
      $metadata: { httpStatusCode: status },
      message: `${name} from server`,
    }),
    extra,
  )

/** A Node system error as the HTTP handler rejects with it. */
const systemError = (code: string, message = code): Error =>
  Object.assign(new Error(message), { code })

describe('error mapper', () => {
  it.each<[string, Error, ErrorCode, RegExp]>([
    [
      'unknown access key',
      s3Error('InvalidAccessKeyId', 403),
      'INVALID_ACCESS_KEY',
      /does not know this access key/,
    ],
    [
      'wrong secret',
      s3Error('SignatureDoesNotMatch', 403),
      'SIGNATURE_MISMATCH',
      /secret key does not match/,
    ],
    [
      'access denied',
      s3Error('AccessDenied', 403),
      'ACCESS_DENIED',
      /"a\+b\.txt" in bucket "photos"/,
    ],
    ['no such bucket', s3Error('NoSuchBucket', 404), 'NO_SUCH_BUCKET', /"photos" does not exist/],
    ['no such key', s3Error('NoSuchKey', 404), 'NO_SUCH_KEY', /"a\+b\.txt" no longer exists/],
    [
      'bucket not empty',
      s3Error('BucketNotEmpty', 409),
      'BUCKET_NOT_EMPTY',
      /not empty\. Empty it first/,
    ],
    ['bucket taken', s3Error('BucketAlreadyExists', 409), 'BUCKET_EXISTS', /already taken/],
    [
      'bucket owned',
      s3Error('BucketAlreadyOwnedByYou', 409),
      'BUCKET_EXISTS',
      /already have a bucket/,
    ],
    ['bad bucket name', s3Error('InvalidBucketName', 400), 'INVALID_BUCKET_NAME', /3–63 lowercase/],
    ['slow down', s3Error('SlowDown', 503), 'SLOW_DOWN', /slow down/],
    [
      'body damaged on the way (Content-MD5)',
      s3Error('BadDigest', 400),
      'CHECKSUM_MISMATCH',
      /^"a\+b\.txt" arrived at s3\.example\.test:8443 damaged .*refused it\. Sending it again/,
    ],
    [
      'signed body damaged on the way (x-amz-content-sha256)',
      s3Error('XAmzContentSHA256Mismatch', 400),
      'CHECKSUM_MISMATCH',
      /^"a\+b\.txt" arrived at s3\.example\.test:8443 damaged/,
    ],
    [
      'multipart upload gone',
      s3Error('NoSuchUpload', 404),
      'NOT_FOUND',
      /no longer has this multipart upload of "a\+b\.txt": it was aborted or has expired/,
    ],
    ['throttled 429', s3Error('Unknown', 429), 'SLOW_DOWN', /slow down/],
    [
      'internal error',
      s3Error('InternalError', 500),
      'SERVER_ERROR',
      /s3\.example\.test:8443 had an internal error/,
    ],
    ['bare 403 (HEAD)', s3Error('Forbidden', 403), 'ACCESS_DENIED', /Access denied/],
    ['bare 404 (HEAD)', s3Error('NotFound', 404), 'NOT_FOUND', /"a\+b\.txt" was not found/],
    [
      'wrong region',
      s3Error('PermanentRedirect', 301),
      'INVALID_ENDPOINT',
      /another endpoint or region/,
    ],
    [
      'DNS failure',
      systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND s3.example.test'),
      'DNS_NOT_FOUND',
      /s3\.example\.test:8443: its name does not resolve/,
    ],
    ['DNS not answering', systemError('EAI_AGAIN'), 'DNS_NOT_FOUND', /DNS is not answering/],
    ['refused', systemError('ECONNREFUSED'), 'CONNECTION_REFUSED', /refused the connection/],
    ['reset', systemError('ECONNRESET'), 'CONNECTION_RESET', /cut off/],
    ['socket hang up', new Error('socket hang up'), 'CONNECTION_RESET', /cut off/],
    ['timeout (socket)', systemError('ETIMEDOUT'), 'TIMEOUT', /did not answer in time/],
    [
      'timeout (SDK)',
      Object.assign(new Error('Connection timed out after 10000 ms'), { name: 'TimeoutError' }),
      'TIMEOUT',
      /did not answer in time/,
    ],
    [
      'self-signed',
      systemError('DEPTH_ZERO_SELF_SIGNED_CERT'),
      'TLS_SELF_SIGNED',
      /self-signed certificate/,
    ],
    [
      'self-signed chain',
      systemError('SELF_SIGNED_CERT_IN_CHAIN'),
      'TLS_SELF_SIGNED',
      /self-signed authority/,
    ],
    ['expired', systemError('CERT_HAS_EXPIRED'), 'TLS_EXPIRED', /has expired/],
    ['not yet valid', systemError('CERT_NOT_YET_VALID'), 'TLS_EXPIRED', /not valid yet/],
    [
      'wrong host',
      Object.assign(systemError('ERR_TLS_CERT_ALTNAME_INVALID'), {
        cert: { subjectaltname: 'DNS:other.test, IP Address:10.0.0.1' },
      }),
      'TLS_HOST_MISMATCH',
      /different host name \(other\.test, 10\.0\.0\.1\)/,
    ],
    [
      'unknown issuer',
      systemError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
      'TLS_UNTRUSTED',
      /issuer is unknown/,
    ],
    [
      'plain port',
      new Error('write EPROTO ... wrong version number'),
      'TLS_UNTRUSTED',
      /did not answer with TLS/,
    ],
    [
      'cancelled',
      Object.assign(new Error('aborted'), { name: 'AbortError' }),
      'CANCELLED',
      /Cancelled/,
    ],
  ])('maps %s', (_label, error, code, message) => {
    const mapped = toAppError(error, context)
    expect(mapped.code).toBe(code)
    expect(mapped.message).toMatch(message)
  })

  it('finds a network error wrapped as a cause', () => {
    const wrapped = Object.assign(new Error('fetch failed'), { cause: systemError('ECONNREFUSED') })
    expect(toAppError(wrapped, context).code).toBe('CONNECTION_REFUSED')
  })

  it('says how far the clock is off, from the server time in the error', () => {
    const error = s3Error('RequestTimeTooSkewed', 403, {
      RequestTime: '20261124T120000Z',
      ServerTime: '2026-11-24T11:43:00Z',
    })
    const mapped = toAppError(error, context)
    expect(mapped.code).toBe('CLOCK_SKEW')
    expect(mapped.message).toMatch(/17 minutes ahead of the server's/)
  })

  it('falls back to the Date header when the body has no times', () => {
    const error = Object.assign(s3Error('RequestTimeTooSkewed', 403), {
      $response: { statusCode: 403, headers: { date: 'Tue, 24 Nov 2026 14:00:00 GMT' } },
    })
    const now = Date.parse('2026-11-24T11:00:00Z')
    expect(toAppError(error, context, now).message).toMatch(/3 hours behind the server's/)
  })

  it('recognises a redirect to HTTPS', () => {
    const error = Object.assign(s3Error('Unknown', 301), {
      $response: { statusCode: 301, headers: { location: 'https://s3.example.test/' } },
    })
    expect(toAppError(error, { endpoint: 'http://s3.example.test' }).code).toBe('HTTPS_REQUIRED')
  })

  it('passes coded errors through unchanged', () => {
    expect(toAppError(new CodedError('HTTPS_REQUIRED', 'use https'))).toEqual({
      code: 'HTTPS_REQUIRED',
      message: 'use https',
    })
  })

  it('maps by code alone: RGW sends an empty <Message>, and none of the SDK text shows', () => {
    // As the SDK builds it from `<Error><Code>BadDigest</Code><Message></Message>…`.
    const bare = Object.assign(s3Error('BadDigest', 400), { message: 'UnknownError' })
    const mapped = toAppError(bare, context)
    expect(mapped.code).toBe('CHECKSUM_MISMATCH')
    expect(mapped.message).not.toMatch(/UnknownError|BadDigest|Content-MD5/)
  })

  it('says which server gave an unknown error without a message, not the SDK\'s "UnknownError"', () => {
    const bare = Object.assign(s3Error('EntityTooSmall', 400), { message: 'UnknownError' })
    expect(toAppError(bare, context)).toEqual({
      code: 'UNKNOWN',
      message: 'Unexpected error (EntityTooSmall) from s3.example.test:8443.',
    })
  })

  it('keeps unknown errors readable and marked UNKNOWN', () => {
    const mapped = toAppError(s3Error('WeirdThing', 400))
    expect(mapped).toEqual({
      code: 'UNKNOWN',
      message: 'Unexpected error (WeirdThing): WeirdThing from server',
    })
  })
})

describe('error mapper without an endpoint', () => {
  it('names "the server" and still starts the sentence with a capital', () => {
    const mapped = toAppError(systemError('ECONNREFUSED'))
    expect(mapped.message).toMatch(/^The server refused the connection/)
  })
})

/** What the SDK throws when a real server answers `status` with `body` (one attempt). */
const errorFromAnswer = async (status: number, body: string): Promise<unknown> => {
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      response.writeHead(status, { 'content-type': 'text/plain' })
      response.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const client = new S3Client({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
    maxAttempts: 1,
  })
  try {
    await client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'a.txt', Body: 'x' }))
    return null
  } catch (error) {
    return error
  } finally {
    client.destroy()
    server.close()
  }
}

describe('answers without an S3 error in them', () => {
  it.each([
    ['plain text', 'Payload Too Large'],
    ['JSON', '{"message":"request body too large"}'],
    ['HTML', '<html><body>Request Entity Too Large</body></html>'],
  ])('reports a 413 with a %s body by its status and reason', async (_kind, body) => {
    const mapped = toAppError(await errorFromAnswer(413, body), context)
    expect(mapped).toEqual({
      code: 'UNKNOWN',
      message:
        's3.example.test:8443 answered HTTP 413 (Payload Too Large): the request was larger than it accepts.',
    })
  })

  it('reports another refusal by its status, never the parser text', async () => {
    const mapped = toAppError(await errorFromAnswer(409, 'conflict!'), context)
    expect(mapped.message).toBe(
      's3.example.test:8443 answered HTTP 409 (Conflict) and refused the request.',
    )
    expect(mapped.message).not.toMatch(/XML|\$response|aws-sdk/)
  })
})
