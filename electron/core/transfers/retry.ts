/**
 * The retry policy, and the one place each failure is retried. Every S3 request is retried by the
 * request layer (request-retry.ts: each attempt passes the governor, one budget per request).
 * `withRetry` retries only what happens above a request — bytes that arrived damaged (an ETag or
 * MD5 that does not match), a download body cut or stalled after its headers — and never a
 * failure the request layer already gave up on, so budgets never multiply.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { ErrorCode } from '../../../shared/errors'
import { toAppError } from '../error-mapper'

export type RetryPolicy = {
  /** Failures in a row before giving up. */
  readonly attempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /**
   * Timeouts in a row before giving up (default 2): a server that stalled twice is stalled, and
   * each wait costs the user a whole time limit.
   */
  readonly timeouts?: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 15_000 }

const DEFAULT_TIMEOUTS = 2

const RETRYABLE = new Set<ErrorCode>([
  'SERVER_ERROR',
  'SLOW_DOWN',
  'CONNECTION_RESET',
  'TIMEOUT',
  // Bytes damaged on the way: sending (or fetching) them again is the cure.
  'CHECKSUM_MISMATCH',
])

/** Failures the request layer has retried already, as far as its budget allowed. */
const givenUp = new WeakSet<object>()

/** Marks a failure as final for every layer above the request (see `withRetry`). */
export const requestGaveUp = <E>(error: E): E => {
  if (typeof error === 'object' && error !== null) givenUp.add(error)
  return error
}

/** A stream cut short (a response body whose connection closed) is a reset too. */
const isPrematureClose = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNABORTED'
}

/** A server that does not implement a request (501, e.g. ListObjectsV2) says so every time. */
const isNotImplemented = (error: unknown): boolean => {
  const shape = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } } | null
  return shape?.name === 'NotImplemented' || shape?.$metadata?.httpStatusCode === 501
}

/** Whether trying again may help (whoever tries: the caller checks `requestGaveUp` itself). */
export const isTransient = (error: unknown): boolean =>
  isPrematureClose(error) || (!isNotImplemented(error) && RETRYABLE.has(toAppError(error).code))

export const isRetryable = (error: unknown): boolean =>
  !(typeof error === 'object' && error !== null && givenUp.has(error)) && isTransient(error)

export const isTimeout = (error: unknown): boolean => toAppError(error).code === 'TIMEOUT'

export const backoffMs = (failures: number, policy: RetryPolicy, random = Math.random): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1)) * (0.5 + random() / 2)

/** Counts failures in a row against a policy: whether another attempt is allowed. */
export const createFailureCount = (policy: RetryPolicy) => {
  let failures = 0
  let timeouts = 0
  return {
    /** Records a failure; true while the budget allows another attempt. */
    another(error: unknown, progressed = false): boolean {
      failures = progressed ? 1 : failures + 1
      timeouts = progressed ? 0 : timeouts + (isTimeout(error) ? 1 : 0)
      return failures < policy.attempts && timeouts < (policy.timeouts ?? DEFAULT_TIMEOUTS)
    },
    get failures() {
      return failures
    },
  }
}

export const withRetry = async <T>(
  run: () => Promise<T>,
  options: {
    readonly policy: RetryPolicy
    readonly signal: AbortSignal
    /** True when the failed attempt still got far (a download's bytes): the count starts over. */
    readonly progressed?: () => boolean
  },
): Promise<T> => {
  const count = createFailureCount(options.policy)
  for (;;) {
    try {
      return await run()
    } catch (error) {
      if (options.signal.aborted || !isRetryable(error)) throw error
      if (!count.another(error, options.progressed?.() ?? false)) throw error
      await sleep(backoffMs(count.failures, options.policy), undefined, { signal: options.signal })
    }
  }
}
