/** What "check link" and the SigV2 check make of a server's answer. */
import { describe, expect, it } from 'vitest'
import { s3ErrorOf } from './governed-request'
import { linkCheckOf, sigV2AnswerOf } from './link-answers'

const expired = { status: 403, code: 'AccessDenied', message: 'Request has expired' }
const mismatch = {
  status: 403,
  code: 'SignatureDoesNotMatch',
  message: 'The request signature we calculated does not match the signature you provided.',
}

describe('linkCheckOf', () => {
  it.each([
    [{ status: 206, code: '', message: '' }, true, 'The link works (206).'],
    [{ status: 200, code: '', message: '' }, true, 'The link works (200).'],
    [
      { status: 416, code: 'InvalidRange', message: '' },
      true,
      'The link works (416: the object is empty).',
    ],
    [expired, false, 'The link has expired (403 AccessDenied: Request has expired).'],
    [
      mismatch,
      false,
      'The server refused the link (403 SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.).',
    ],
    [
      { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' },
      false,
      'The object no longer exists (404).',
    ],
    [
      { status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' },
      false,
      'The bucket no longer exists (404 NoSuchBucket: The specified bucket does not exist).',
    ],
    [
      { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
      false,
      'The server asked to slow down (503 SlowDown: Please reduce your request rate.); check again in a moment.',
    ],
    [{ status: 500, code: '', message: '' }, false, 'The link did not work (500).'],
  ])('%o → ok %s, "%s"', (answer, ok, message) => {
    expect(linkCheckOf(answer)).toEqual({ ok, status: answer.status, message })
  })

  it('calls a bare 403 on a link past its expiry time expired (RGW gives no message)', () => {
    const bare = { status: 403, code: 'AccessDenied', message: '' }
    expect(linkCheckOf(bare, true)).toEqual({
      ok: false,
      status: 403,
      message: 'The link has expired (403 AccessDenied).',
    })
    expect(linkCheckOf(bare, false).message).toBe('The server refused the link (403 AccessDenied).')
  })
})

describe('sigV2AnswerOf', () => {
  it('counts a 404 NoSuchKey as SigV2 accepted, a 403 or a "use SigV4" 400 as refused', () => {
    expect(
      sigV2AnswerOf(
        { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' },
        'b',
      ),
    ).toEqual({ supported: true, detail: '404 NoSuchKey: SigV2 accepted' })
    expect(sigV2AnswerOf(mismatch, 'b')).toEqual({
      supported: false,
      detail: `403 SignatureDoesNotMatch: ${mismatch.message}`,
    })
    expect(
      sigV2AnswerOf(
        {
          status: 400,
          code: 'InvalidRequest',
          message:
            'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
        },
        'b',
      ),
    ).toMatchObject({ supported: false })
  })

  it('throws a clear error for answers that say nothing about SigV2', () => {
    expect(() =>
      sigV2AnswerOf({ status: 404, code: 'NoSuchBucket', message: '' }, 'photos'),
    ).toThrow(
      expect.objectContaining({
        code: 'NO_SUCH_BUCKET',
        message: expect.stringContaining('"photos"'),
      }),
    )
    expect(() => sigV2AnswerOf(expired, 'b')).toThrow(
      expect.objectContaining({ code: 'CLOCK_SKEW' }),
    )
    expect(() => sigV2AnswerOf({ status: 503, code: 'SlowDown', message: '' }, 'b')).toThrow(
      expect.objectContaining({ code: 'SLOW_DOWN' }),
    )
    expect(() => sigV2AnswerOf({ status: 500, code: 'InternalError', message: '' }, 'b')).toThrow(
      expect.objectContaining({ code: 'SERVER_ERROR' }),
    )
    expect(() => sigV2AnswerOf({ status: 301, code: '', message: '' }, 'b')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN', message: expect.stringContaining('(301)') }),
    )
  })
})

describe('s3ErrorOf', () => {
  it('reads the code and message of an S3 error document, unescaped', () => {
    expect(
      s3ErrorOf(
        '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request &amp; link &lt;expired&gt;</Message></Error>',
      ),
    ).toEqual({ code: 'AccessDenied', message: 'Request & link <expired>' })
    expect(s3ErrorOf('x')).toEqual({ code: '', message: '' })
  })
})
