/**
 * Retries a transfer step on failures that may pass (5xx, SlowDown, resets, timeouts), with
 * exponential backoff and jitter. The SDK already retries each request a few times (every attempt
 * passing the governor); this is the outer loop for a part or a file that still failed.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { ErrorCode } from '../../../shared/errors'
import { toAppError } from '../error-mapper'

export type RetryPolicy = {
  /** Failures in a row before giving up. */
  readonly attempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 15_000 }

const RETRYABLE = new Set<ErrorCode>([
  'SERVER_ERROR',
  'SLOW_DOWN',
  'CONNECTION_RESET',
  'TIMEOUT',
  // Bytes damaged on the way: sending (or fetching) them again is the cure.
  'CHECKSUM_MISMATCH',
])

/** A stream cut short (a response body whose connection closed) is a reset too. */
const isPrematureClose = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNABORTED'
}

export const isRetryable = (error: unknown): boolean =>
  isPrematureClose(error) || RETRYABLE.has(toAppError(error).code)

export const backoffMs = (failures: number, policy: RetryPolicy, random = Math.random): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1)) * (0.5 + random() / 2)

export const withRetry = async <T>(
  run: () => Promise<T>,
  options: {
    readonly policy: RetryPolicy
    readonly signal: AbortSignal
    /** True when the failed attempt still got far (a download's bytes): the count starts over. */
    readonly progressed?: () => boolean
  },
): Promise<T> => {
  let failures = 0
  for (;;) {
    try {
      return await run()
    } catch (error) {
      if (options.signal.aborted || !isRetryable(error)) throw error
      failures = options.progressed?.() ? 1 : failures + 1
      if (failures >= options.policy.attempts) throw error
      await sleep(backoffMs(failures, options.policy), undefined, { signal: options.signal })
    }
  }
}
