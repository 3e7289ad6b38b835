/**
 * The one retry layer for S3 requests, in the SDK's middleware stack where the SDK's own retry
 * would sit (the client sets maxAttempts 1). It runs above the request governor, so every attempt
 * waits for the governor and lands in the request log, and it has one budget per request: a
 * request that keeps failing is sent at most `policy.attempts` times, whoever asked for it.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-s3'
import type { FinalizeRequestMiddleware } from '@smithy/types'
import { ReplayableBody } from './transfers/part-body'
import {
  backoffMs,
  createFailureCount,
  isTransient,
  requestGaveUp,
  type RetryPolicy,
} from './transfers/retry'

type Middleware = FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes>

/** The caller's abort signal, which the SDK keeps in the handler context. */
export const abortSignalOf = (context: object): AbortSignal | undefined =>
  (context as { __smithy_context?: { abortSignal?: AbortSignal } }).__smithy_context?.abortSignal

/**
 * Bodies that can be sent again: none, bytes, or a ReplayableBody (each pipe is a fresh pass).
 * Any other stream was consumed by the failed attempt; whoever made it must retry.
 */
const resendable = (request: unknown): boolean => {
  const body: unknown = (request as { body?: unknown } | null)?.body
  return (
    body === undefined ||
    body === null ||
    typeof body === 'string' ||
    body instanceof Uint8Array ||
    body instanceof ReplayableBody
  )
}

export const retryMiddleware =
  (policy: RetryPolicy): Middleware =>
  (next, context) =>
  async (args) => {
    if (!resendable(args.request)) return next(args)
    const signal = abortSignalOf(context)
    const count = createFailureCount(policy)
    for (;;) {
      try {
        return await next(args)
      } catch (error) {
        if (signal?.aborted || !isTransient(error) || !count.another(error)) {
          throw requestGaveUp(error)
        }
        await sleep(backoffMs(count.failures, policy), undefined, { signal })
      }
    }
  }
