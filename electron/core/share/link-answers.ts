/**
 * What a server's answer to a link request means: for "check link" (does it work?) and for the
 * SigV2 check (did SigV2 authentication pass?). Pure functions of status and error document.
 */
import type { LinkCheck } from '../../../shared/share'
import { CodedError } from '../../../shared/errors'

export type Answer = {
  readonly status: number
  /** The S3 error code and message, '' when the body was not an error document. */
  readonly code: string
  readonly message: string
}

/** `403 AccessDenied: Request has expired`, as much of it as the server gave (and no novel). */
export const describeAnswer = (answer: Answer): string =>
  `${answer.status}${answer.code ? ` ${answer.code}` : ''}${answer.message ? `: ${answer.message.slice(0, 300)}` : ''}`

const isExpiredAnswer = (answer: Answer): boolean =>
  answer.status === 403 && /expired/i.test(answer.message)

/**
 * The result of one ranged GET (`bytes=0-0`) with a download link. `pastExpiry`: the link's own
 * expiry time has passed, so a 403 means it expired even when the server does not say why (RGW
 * answers a bare AccessDenied with an empty message).
 */
export const linkCheckOf = (answer: Answer, pastExpiry = false): LinkCheck => {
  const { status } = answer
  const result = (ok: boolean, message: string): LinkCheck => ({ ok, status, message })
  if (status === 200 || status === 206) return result(true, `The link works (${status}).`)
  // An empty object has no byte 0: the range is refused, but only after the signature passed.
  if (status === 416) return result(true, 'The link works (416: the object is empty).')
  if (isExpiredAnswer(answer) || (status === 403 && pastExpiry))
    return result(false, `The link has expired (${describeAnswer(answer)}).`)
  if (status === 403)
    return result(false, `The server refused the link (${describeAnswer(answer)}).`)
  if (status === 404 && answer.code === 'NoSuchBucket') {
    return result(false, `The bucket no longer exists (${describeAnswer(answer)}).`)
  }
  if (status === 404) return result(false, 'The object no longer exists (404).')
  if (status === 503 || status === 429) {
    return result(
      false,
      `The server asked to slow down (${describeAnswer(answer)}); check again in a moment.`,
    )
  }
  return result(false, `The link did not work (${describeAnswer(answer)}).`)
}

export type SigV2Answer = { readonly supported: boolean; readonly detail: string }

/**
 * The SigV2 check asks for a key that does not exist: a 404 NoSuchKey means the signature was
 * accepted, a 403 (or a 400 asking for SigV4) that SigV2 is not. Anything else says nothing about
 * SigV2 and is an error.
 */
export const sigV2AnswerOf = (answer: Answer, bucket: string): SigV2Answer => {
  const { status, code } = answer
  if ((status === 404 && code !== 'NoSuchBucket') || status === 200 || status === 206) {
    return { supported: true, detail: `${status}${code ? ` ${code}` : ''}: SigV2 accepted` }
  }
  if (status === 404) {
    throw new CodedError(
      'NO_SUCH_BUCKET',
      `The bucket "${bucket}" does not exist, so SigV2 could not be checked there.`,
    )
  }
  if (isExpiredAnswer(answer)) {
    throw new CodedError(
      'CLOCK_SKEW',
      `The server says the check link had already expired (${describeAnswer(answer)}): this computer's clock is probably wrong. Correct the date and time, then check again.`,
    )
  }
  if (status === 403) return { supported: false, detail: describeAnswer(answer) }
  if (status === 400 && /AWS4-HMAC-SHA256|authorization mechanism/i.test(answer.message)) {
    return { supported: false, detail: describeAnswer(answer) }
  }
  if (status === 503 || status === 429) {
    throw new CodedError(
      'SLOW_DOWN',
      `The server asked to slow down (${describeAnswer(answer)}). Check SigV2 again in a moment.`,
    )
  }
  if (status >= 500) {
    throw new CodedError(
      'SERVER_ERROR',
      `The server failed to answer the SigV2 check (${describeAnswer(answer)}). Try again later.`,
    )
  }
  throw new CodedError(
    'UNKNOWN',
    `The SigV2 check got an answer that says nothing about SigV2 (${describeAnswer(answer)}).`,
  )
}
