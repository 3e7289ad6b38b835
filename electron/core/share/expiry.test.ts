/** Issue 5: expiries that cannot be signed are refused with one clear message, on both sides. */
import { describe, expect, it } from 'vitest'
import {
  downloadLinksRequest,
  expiryProblem,
  SIGV2_MAX_EXPIRY_SECONDS,
  SIGV4_MAX_EXPIRY_SECONDS,
  uploadLinkRequest,
} from '../../../shared/share'

const download = (expiresInSeconds: number, signature?: 'v4' | 'v2') =>
  downloadLinksRequest.safeParse({
    accountId: 'a',
    bucket: 'b',
    keys: ['k'],
    expiresInSeconds,
    signature,
  })

const upload = (expiresInSeconds: number, signature?: 'v4' | 'v2') =>
  uploadLinkRequest.safeParse({
    accountId: 'a',
    bucket: 'b',
    key: 'k',
    contentType: 'text/plain',
    expiresInSeconds,
    signature,
  })

type Parsed =
  | { readonly success: true }
  | { readonly success: false; readonly error: { readonly issues: readonly { message: string }[] } }

const messagesOf = (result: Parsed): string[] =>
  result.success ? [] : result.error.issues.map((issue) => issue.message)

describe('link expiry', () => {
  it.each([
    [0, 'A link must stay valid for at least one second.'],
    [-60, 'A link must stay valid for at least one second.'],
    [1.5, 'The expiry must be a whole number of seconds.'],
    [
      SIGV4_MAX_EXPIRY_SECONDS + 1,
      'SigV4 links live at most 7 days. Choose 7 days or less, or a legacy SigV2 link where the endpoint accepts it.',
    ],
  ])('refuses %s seconds for a SigV4 link: "%s"', (seconds, message) => {
    expect(expiryProblem(seconds, 'v4')).toBe(message)
    expect(messagesOf(download(seconds))).toEqual([message])
    expect(messagesOf(download(seconds, 'v4'))).toEqual([message])
    expect(messagesOf(upload(seconds))).toEqual([message])
  })

  it('says the same of a value that is not a number at all', () => {
    expect(expiryProblem(Number.NaN, 'v4')).toBe('The expiry must be a whole number of seconds.')
    expect(expiryProblem(Number.POSITIVE_INFINITY, 'v2')).toBe(
      'The expiry must be a whole number of seconds.',
    )
  })

  it('accepts 1 second up to exactly 7 days with SigV4 (the default)', () => {
    for (const seconds of [1, 900, 3600, SIGV4_MAX_EXPIRY_SECONDS]) {
      expect(expiryProblem(seconds, 'v4')).toBeNull()
      expect(download(seconds)).toMatchObject({ success: true, data: { signature: 'v4' } })
      expect(upload(seconds).success).toBe(true)
    }
  })

  it('lets SigV2 links go past 7 days, up to 10 years, and no further', () => {
    expect(download(30 * 86_400, 'v2').success).toBe(true)
    expect(upload(SIGV2_MAX_EXPIRY_SECONDS, 'v2').success).toBe(true)
    expect(messagesOf(download(SIGV2_MAX_EXPIRY_SECONDS + 1, 'v2'))).toEqual([
      'A SigV2 link can live at most 10 years.',
    ])
    expect(messagesOf(download(0, 'v2'))).toEqual([
      'A link must stay valid for at least one second.',
    ])
  })

  it('refuses a content type that could not travel as a header', () => {
    const result = uploadLinkRequest.safeParse({
      accountId: 'a',
      bucket: 'b',
      key: 'k',
      contentType: 'text/plain\r\nX-Injected: 1',
      expiresInSeconds: 60,
    })
    expect(messagesOf(result)).toEqual(['A content type is plain ASCII text, like "text/plain".'])
  })
})
