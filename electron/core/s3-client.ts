/**
 * One S3 client per account, with the settings non-AWS servers need (DSS.md §3): checksums only
 * when required, Content-MD5 on DeleteObjects, path-style addressing; our own retry layer instead
 * of the SDK's, every HTTP attempt (retries included) passing the account's request governor; and
 * time limits that end a stalled request with TIMEOUT.
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import tls from 'node:tls'
import { S3Client, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-s3'
import type {
  FinalizeRequestMiddleware,
  HttpRequest as SmithyHttpRequest,
  InitializeMiddleware,
} from '@smithy/types'
import { DEFAULT_REGION } from '../../shared/accounts'
import { retryAfterMs, type RequestGovernor, type RequestPriority } from './request-governor'
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from './request-limits'
import type { RequestLog } from './request-log'
import { abortSignalOf, retryMiddleware } from './request-retry'
import { createTimedHandler } from './timed-handler'
import { DEFAULT_RETRY, type RetryPolicy } from './transfers/retry'

export type ClientSettings = {
  readonly endpoint: string
  readonly region?: string
  readonly forcePathStyle?: boolean
  readonly accessKeyId: string
  readonly secretAccessKey: string
  /** PEM of an extra certificate authority to trust besides the system's. */
  readonly caPem?: string | null
  readonly maxSockets?: number
}

/** How a client waits and retries; tests shorten both. */
export type ClientBehaviour = {
  readonly limits?: RequestLimits
  readonly retry?: RetryPolicy
}

/** Commands whose requests the user is waiting on; everything else queues behind them. */
const INTERACTIVE_COMMANDS = new Set([
  'ListBucketsCommand',
  'ListObjectsV2Command',
  'ListObjectsCommand',
  'HeadObjectCommand',
  'HeadBucketCommand',
  'CreateBucketCommand',
])

type Middleware = FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes>
type HeaderBag = Record<string, string>
const isHttpRequest = (value: unknown): value is SmithyHttpRequest =>
  typeof value === 'object' && value !== null && 'headers' in value && 'method' in value

/** Classic S3 servers require Content-MD5 on DeleteObjects; the SDK sends a CRC32 instead. */
export const contentMd5Middleware: Middleware = (next, context) => async (args) => {
  const request = args.request
  if (context.commandName === 'DeleteObjectsCommand' && isHttpRequest(request)) {
    const kept = Object.entries(request.headers as HeaderBag).filter(([name]) => {
      const lower = name.toLowerCase()
      return !lower.startsWith('x-amz-checksum-') && lower !== 'x-amz-sdk-checksum-algorithm'
    })
    const body: unknown = request.body
    if (typeof body === 'string' || body instanceof Uint8Array) {
      kept.push(['content-md5', createHash('md5').update(body).digest('base64')])
    }
    request.headers = Object.fromEntries(kept)
  }
  return next(args)
}

/** Where a command's own priority is kept in its middleware context (see `priorityMiddleware`). */
const PRIORITY = 'dssPriority'

const priorityOf = (context: object): RequestPriority | undefined =>
  (context as { [PRIORITY]?: RequestPriority })[PRIORITY]

/**
 * A middleware for one command (`command.middlewareStack.add(…, { step: 'initialize' })`) that
 * gives its requests a priority of their own, e.g. a parallel listing's read-ahead pages.
 */
export const priorityMiddleware =
  <Input extends object, Output extends object>(
    priority: RequestPriority,
  ): InitializeMiddleware<Input, Output> =>
  (next, context) =>
  (args) => {
    Object.assign(context, { [PRIORITY]: priority })
    return next(args)
  }

type ResponseShape = { readonly statusCode?: number; readonly headers?: Record<string, string> }
type FailureShape = {
  readonly $metadata?: { readonly httpStatusCode?: number }
  readonly $response?: ResponseShape
}

/** '/bucket/some%20key' → bucket and key (path-style; a virtual-host path has no bucket). */
const bucketAndKey = (path: string): { bucket: string; key: string } => {
  const [bucket = '', ...rest] = path.replace(/^\//, '').split('/')
  const decode = (text: string): string => {
    try {
      return decodeURIComponent(text)
    } catch {
      return text
    }
  }
  return { bucket: decode(bucket), key: decode(rest.join('/')) }
}

/**
 * Each HTTP attempt waits for the governor, and its outcome is fed back: a 503 or 429 slows the
 * governor down; every attempt lands in the request log.
 */
const governorMiddleware =
  (governor: RequestGovernor, log?: RequestLog): Middleware =>
  (next, context) =>
  async (args) => {
    const priority: RequestPriority =
      priorityOf(context) ??
      (INTERACTIVE_COMMANDS.has(context.commandName ?? '') ? 'interactive' : 'bulk')
    const request = isHttpRequest(args.request) ? args.request : null
    const release = await governor.acquire(priority, abortSignalOf(context))
    const time = Date.now()
    const record = (status: number): void =>
      log?.add({
        time,
        method: request?.method ?? '?',
        ...bucketAndKey(request?.path ?? ''),
        status,
        durationMs: Date.now() - time,
      })
    try {
      const output = await next(args)
      release('answered')
      record((output.response as ResponseShape | undefined)?.statusCode ?? 0)
      return output
    } catch (error) {
      const failure = error as FailureShape
      const status = failure.$metadata?.httpStatusCode ?? failure.$response?.statusCode ?? 0
      release(status > 0 ? 'answered' : undefined)
      if (status === 503 || status === 429)
        governor.throttled(retryAfterMs(failure.$response?.headers?.['retry-after']))
      record(status)
      throw error
    }
  }

export const createS3Client = (
  settings: ClientSettings,
  governor?: RequestGovernor,
  log?: RequestLog,
  behaviour: ClientBehaviour = {},
): S3Client => {
  const maxSockets = settings.maxSockets ?? 32
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region || DEFAULT_REGION,
    forcePathStyle: settings.forcePathStyle ?? true,
    credentials: {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
    },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // No SDK retries: ours (below) is the only layer, so one request has one budget.
    maxAttempts: 1,
    requestHandler: createTimedHandler(behaviour.limits ?? DEFAULT_REQUEST_LIMITS, {
      httpAgent: new http.Agent({ keepAlive: true, maxSockets }),
      httpsAgent: new https.Agent({
        keepAlive: true,
        maxSockets,
        // One context for every connection: given `ca`, each new socket would read the system's
        // ~140 root certificates again, and each request would spell them into its pool's name.
        secureContext: settings.caPem
          ? tls.createSecureContext({ ca: [...tls.rootCertificates, settings.caPem] })
          : undefined,
      }),
    }),
  })
  // Our retry loop takes the SDK's retry middleware's place (by its name: signing is anchored
  // after it), so each attempt is signed afresh; before signing, once per HTTP attempt, the
  // governor's wait and Content-MD5.
  client.middlewareStack.add(retryMiddleware(behaviour.retry ?? DEFAULT_RETRY), {
    name: 'retryMiddleware',
    step: 'finalizeRequest',
    priority: 'high',
    override: true,
  })
  client.middlewareStack.addRelativeTo(contentMd5Middleware, {
    name: 'dssContentMd5',
    relation: 'before',
    toMiddleware: 'httpSigningMiddleware',
  })
  if (governor) {
    client.middlewareStack.addRelativeTo(governorMiddleware(governor, log), {
      name: 'dssRequestGovernor',
      relation: 'before',
      toMiddleware: 'dssContentMd5',
    })
  }
  return client
}
