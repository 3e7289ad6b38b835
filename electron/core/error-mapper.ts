/**
 * Turns SDK, network and TLS failures into contract error codes with plain-language messages.
 * Messages are built from templates and the server's own words, never from request data, so no
 * secret can reach them.
 */
import { STATUS_CODES } from 'node:http'
import { isCodedError, type AppError } from '../../shared/errors'
import { timeoutError, timeoutStageOf } from './request-limits'

/** What we know about the request that failed, to name it in the message. */
export type ErrorContext = {
  readonly endpoint?: string
  readonly bucket?: string
  readonly key?: string
}

type ErrorShape = {
  readonly name?: string
  readonly code?: string
  readonly message?: string
  readonly cause?: unknown
  readonly host?: string
  /** The peer certificate Node attaches to a host-name mismatch. */
  readonly cert?: { readonly subjectaltname?: string; readonly subject?: { readonly CN?: string } }
  readonly ServerTime?: string
  readonly RequestTime?: string
  /** Set on the SDK's S3 service errors; absent when the answer could not be parsed at all. */
  readonly $fault?: string
  readonly $metadata?: { readonly httpStatusCode?: number }
  readonly $response?: { readonly statusCode?: number; readonly headers?: Record<string, string> }
}

const shapeOf = (error: unknown): ErrorShape =>
  typeof error === 'object' && error !== null ? (error as ErrorShape) : { message: String(error) }

const describeHost = (context: ErrorContext): string => {
  if (!context.endpoint) return 'the server'
  try {
    return new URL(context.endpoint).host
  } catch {
    return 'the server'
  }
}

const humanDuration = (ms: number): string => {
  const seconds = Math.round(Math.abs(ms) / 1000)
  if (seconds < 120) return `${seconds} seconds`
  const minutes = Math.round(seconds / 60)
  if (minutes < 120) return `${minutes} minutes`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} hours`
  return `${Math.round(hours / 24)} days`
}

/** How far this computer's clock is off, from the server's answer; positive means ahead. */
const clockSkewMs = (shape: ErrorShape, now: number): number | null => {
  const server = shape.ServerTime ? Date.parse(shape.ServerTime) : Number.NaN
  const request = shape.RequestTime
    ? Date.parse(
        shape.RequestTime.replace(
          /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/,
          '$1-$2-$3T$4:$5:$6Z',
        ),
      )
    : Number.NaN
  if (!Number.isNaN(server) && !Number.isNaN(request)) return request - server
  const dateHeader = shape.$response?.headers?.date ?? shape.$response?.headers?.Date
  const serverDate = dateHeader ? Date.parse(dateHeader) : Number.NaN
  return Number.isNaN(serverDate) ? null : now - serverDate
}

const NETWORK_CODES: Record<string, (host: string, shape: ErrorShape) => AppError> = {
  ENOTFOUND: (host) => ({
    code: 'DNS_NOT_FOUND',
    message: `Could not find the server ${host}: its name does not resolve (DNS). Check the endpoint address and your network.`,
  }),
  EAI_AGAIN: (host) => ({
    code: 'DNS_NOT_FOUND',
    message: `Could not look up ${host} right now (DNS is not answering). Check your network connection.`,
  }),
  ECONNREFUSED: (host) => ({
    code: 'CONNECTION_REFUSED',
    message: `${host} refused the connection: nothing is listening at that address and port.`,
  }),
  ECONNRESET: (host) => ({
    code: 'CONNECTION_RESET',
    message: `The connection to ${host} was cut off. Check your network; the operation can be retried.`,
  }),
  EPIPE: (host) => ({
    code: 'CONNECTION_RESET',
    message: `The connection to ${host} was cut off while sending. The operation can be retried.`,
  }),
  ETIMEDOUT: (host, shape) => timeout(host, shape),
  ENETUNREACH: (host) => ({
    code: 'CONNECTION_REFUSED',
    message: `${host} cannot be reached from this computer: the network is unreachable.`,
  }),
  EHOSTUNREACH: (host) => ({
    code: 'CONNECTION_REFUSED',
    message: `${host} cannot be reached from this computer: no route to the host.`,
  }),
  DEPTH_ZERO_SELF_SIGNED_CERT: (host) => ({
    code: 'TLS_SELF_SIGNED',
    message: `${host} presents a self-signed certificate, which this computer does not trust. If it is your own server, add its certificate under Advanced → Custom CA file.`,
  }),
  SELF_SIGNED_CERT_IN_CHAIN: (host) => ({
    code: 'TLS_SELF_SIGNED',
    message: `${host}'s certificate chain ends in a self-signed authority this computer does not trust. Add that authority under Advanced → Custom CA file.`,
  }),
  CERT_HAS_EXPIRED: (host) => ({
    code: 'TLS_EXPIRED',
    message: `${host}'s TLS certificate has expired, so the connection is not safe. The server's operator must renew it (or check this computer's date).`,
  }),
  CERT_NOT_YET_VALID: (host) => ({
    code: 'TLS_EXPIRED',
    message: `${host}'s TLS certificate is not valid yet. Check this computer's date and time.`,
  }),
  ERR_TLS_CERT_ALTNAME_INVALID: (host, shape) => {
    const names = (shape.cert?.subjectaltname ?? '')
      .split(',')
      .map((name) => name.trim().replace(/^(DNS|IP Address):/, ''))
      .filter(Boolean)
    const issuedFor = names.length ? names : shape.cert?.subject?.CN ? [shape.cert.subject.CN] : []
    return {
      code: 'TLS_HOST_MISMATCH',
      message: `${host}'s TLS certificate is for a different host name${issuedFor.length ? ` (${issuedFor.join(', ')})` : ''}. Check the endpoint address.`,
    }
  },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: (host) => ({
    code: 'TLS_UNTRUSTED',
    message: `${host}'s TLS certificate could not be verified: its issuer is unknown. Add the issuing authority under Advanced → Custom CA file.`,
  }),
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: (host) => ({
    code: 'TLS_UNTRUSTED',
    message: `${host}'s TLS certificate was issued by an authority this computer does not know. Add it under Advanced → Custom CA file.`,
  }),
  ERR_SSL_WRONG_VERSION_NUMBER: (host) => ({
    code: 'TLS_UNTRUSTED',
    message: `${host} did not answer with TLS. Is this a plain-http port? Check the endpoint's scheme and port.`,
  }),
}

const slowDown = (): AppError => ({
  code: 'SLOW_DOWN',
  message:
    'The server asked us to slow down (too many requests per second). DSS Explorer backs off and retries; try again in a moment.',
})

const accessDenied = (context: ErrorContext): AppError => ({
  code: 'ACCESS_DENIED',
  message: context.bucket
    ? `Access denied to ${context.key ? `"${context.key}" in ` : ''}bucket "${context.bucket}". These keys lack permission for it.`
    : 'Access denied: these keys lack permission for this operation.',
})

const serverError = (context: ErrorContext): AppError => ({
  code: 'SERVER_ERROR',
  message: `${describeHost(context)} had an internal error. Try again; if it persists, the service may be having problems.`,
})

/** Which time limit ran out, when the HTTP handler's message says (see request-limits.ts). */
const timeout = (host: string, shape: ErrorShape): AppError => {
  const { stage, ms } = timeoutStageOf(shape.message)
  return timeoutError(host, stage, ms)
}

const damagedOnTheWay = (context: ErrorContext): AppError => ({
  code: 'CHECKSUM_MISMATCH',
  message: `${context.key ? `"${context.key}"` : 'The data'} arrived at ${describeHost(context)} damaged (its bytes did not match their checksum), so the server refused it. Sending it again usually works; if it keeps failing, something on the network is changing the data.`,
})

const S3_CODES: Record<
  string,
  (context: ErrorContext, shape: ErrorShape, now: number) => AppError
> = {
  InvalidAccessKeyId: (context) => ({
    code: 'INVALID_ACCESS_KEY',
    message: `${describeHost(context)} does not know this access key. Check the access key (it is the shorter of the two).`,
  }),
  SignatureDoesNotMatch: () => ({
    code: 'SIGNATURE_MISMATCH',
    message:
      'The secret key does not match the access key: the server rejected the request signature. Check the secret key.',
  }),
  RequestTimeTooSkewed: (_context, shape, now) => {
    const skew = clockSkewMs(shape, now)
    return {
      code: 'CLOCK_SKEW',
      message:
        skew === null
          ? "This computer's clock differs too much from the server's. Correct the date and time, then try again."
          : `This computer's clock is ${humanDuration(skew)} ${skew > 0 ? 'ahead of' : 'behind'} the server's. Correct the date and time, then try again.`,
    }
  },
  AccessDenied: accessDenied,
  NoSuchBucket: (context) => ({
    code: 'NO_SUCH_BUCKET',
    message: context.bucket
      ? `The bucket "${context.bucket}" does not exist (it may have been deleted).`
      : 'That bucket does not exist.',
  }),
  NoSuchKey: (context) => ({
    code: 'NO_SUCH_KEY',
    message: context.key
      ? `"${context.key}" no longer exists${context.bucket ? ` in "${context.bucket}"` : ''}.`
      : 'That object no longer exists.',
  }),
  BucketNotEmpty: (context) => ({
    code: 'BUCKET_NOT_EMPTY',
    message: `The bucket${context.bucket ? ` "${context.bucket}"` : ''} is not empty. Empty it first, then delete it.`,
  }),
  BucketAlreadyExists: (context) => ({
    code: 'BUCKET_EXISTS',
    message: `The name${context.bucket ? ` "${context.bucket}"` : ''} is already taken by another bucket on this service. Choose another name.`,
  }),
  BucketAlreadyOwnedByYou: (context) => ({
    code: 'BUCKET_EXISTS',
    message: `You already have a bucket${context.bucket ? ` named "${context.bucket}"` : ' with that name'}.`,
  }),
  InvalidBucketName: (context) => ({
    code: 'INVALID_BUCKET_NAME',
    message: `The server refused the bucket name${context.bucket ? ` "${context.bucket}"` : ''}: use 3–63 lowercase letters, digits, "-" and ".".`,
  }),
  SlowDown: slowDown,
  // The body's MD5 (or, for a signed payload, its SHA-256) is not the one sent with it: bytes
  // were damaged on the way.
  BadDigest: damagedOnTheWay,
  XAmzContentSHA256Mismatch: damagedOnTheWay,
  NoSuchUpload: (context) => ({
    code: 'NOT_FOUND',
    message: `${describeHost(context)} no longer has this multipart upload${context.key ? ` of "${context.key}"` : ''}: it was aborted or has expired. Upload the file again.`,
  }),
  PermanentRedirect: (context) => ({
    code: 'INVALID_ENDPOINT',
    message: `${describeHost(context)} says this bucket lives at another endpoint or region. Check the endpoint and region.`,
  }),
  InternalError: serverError,
  ServiceUnavailable: (context) => ({
    code: 'SERVER_ERROR',
    message: `${describeHost(context)} is temporarily unavailable. Try again in a moment.`,
  }),
}

/** A code found anywhere on the error or its causes (the SDK wraps network errors). */
const networkError = (error: unknown, host: string): AppError | null => {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const shape = shapeOf(current)
    const code = shape.message?.includes('socket hang up')
      ? 'ECONNRESET'
      : shape.message?.includes('wrong version number')
        ? 'ERR_SSL_WRONG_VERSION_NUMBER'
        : shape.code
    const describe = code ? NETWORK_CODES[code] : undefined
    if (describe) return describe(host, shape)
    current = shape.cause
  }
  return null
}

const byStatus = (status: number, context: ErrorContext, shape: ErrorShape): AppError | null => {
  const host = describeHost(context)
  if (status === 301 || status === 302 || status === 307 || status === 308) {
    const location = shape.$response?.headers?.location ?? ''
    if (location.startsWith('https:') || context.endpoint?.startsWith('http:')) {
      return {
        code: 'HTTPS_REQUIRED',
        message: `${host} requires HTTPS: it redirected the request. Use the https:// endpoint.`,
      }
    }
    return {
      code: 'INVALID_ENDPOINT',
      message: `${host} redirected the request elsewhere. Check the endpoint and region.`,
    }
  }
  if (status === 429 || status === 503) return slowDown()
  if (status === 403) return accessDenied(context)
  if (status === 404)
    return {
      code: 'NOT_FOUND',
      message: context.key
        ? `"${context.key}" was not found.`
        : context.bucket
          ? `The bucket "${context.bucket}" was not found.`
          : `${host} answered "not found": is this an S3 endpoint?`,
    }
  if (status >= 500) return serverError(context)
  return null
}

/**
 * An answer with no S3 error code in it (a proxy's HTML or JSON page, a body-size limit): its HTTP
 * status and reason, never the SDK's parser text.
 */
const unreadableAnswer = (status: number, context: ErrorContext): AppError => {
  const reason = STATUS_CODES[status]
  const answered = `${describeHost(context)} answered HTTP ${status}${reason ? ` (${reason})` : ''}`
  if (status === 413) {
    return {
      code: 'UNKNOWN',
      message: `${answered}: the request was larger than it accepts.`,
    }
  }
  if (status >= 200 && status < 300) {
    return {
      code: 'UNKNOWN',
      message: `${answered} with a response that is not S3's. Check that the endpoint is an S3 service.`,
    }
  }
  return { code: 'UNKNOWN', message: `${answered} and refused the request.` }
}

/** Messages that open with an unnamed host ("the server …") start with a capital. */
const capitalised = (error: AppError): AppError =>
  error.message.startsWith('the server')
    ? { code: error.code, message: `T${error.message.slice(1)}` }
    : error

export const toAppError = (
  error: unknown,
  context: ErrorContext = {},
  now: number = Date.now(),
): AppError => capitalised(describe(error, context, now))

const describe = (error: unknown, context: ErrorContext, now: number): AppError => {
  if (isCodedError(error)) return { code: error.code, message: error.message }
  const shape = shapeOf(error)
  if (shape.name === 'AbortError' || shape.code === 'ABORT_ERR') {
    return { code: 'CANCELLED', message: 'Cancelled.' }
  }
  const s3 = shape.name ? S3_CODES[shape.name] : undefined
  if (s3) return s3(context, shape, now)
  const network = networkError(error, describeHost(context))
  if (network) return network
  if (shape.name === 'TimeoutError' || shape.name === 'RequestTimeout') {
    return timeout(describeHost(context), shape)
  }
  const status = shape.$metadata?.httpStatusCode ?? shape.$response?.statusCode
  const fromStatus = status ? byStatus(status, context, shape) : null
  if (fromStatus) return fromStatus
  // No S3 error code in the answer: the SDK calls it "Unknown", or could not parse it at all.
  if (status && (shape.$fault === undefined || shape.name === 'Unknown')) {
    return unreadableAnswer(status, context)
  }
  const name = shape.name && shape.name !== 'Error' ? ` (${shape.name})` : ''
  // RGW sends an empty <Message>, for which the SDK says "UnknownError": name the server instead.
  const details = shape.message === 'UnknownError' ? '' : (shape.message ?? 'no details')
  return {
    code: 'UNKNOWN',
    message: details
      ? `Unexpected error${name}: ${details}`
      : `Unexpected error${name} from ${describeHost(context)}.`,
  }
}
