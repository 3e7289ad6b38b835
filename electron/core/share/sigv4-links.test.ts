/** SigV4 presigning: offline, no checksum parameters, the upload's content type signed in. */
import { S3Client } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { encodeKeyPath } from './sigv2-links'
import { createPresignClient, presignGetV4, presignPutV4, stripChecksums } from './sigv4-links'

const settings = {
  endpoint: 'https://s3.example.test:8443',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const CHECKSUM_PARAM = /x-amz-checksum|x-amz-sdk-checksum/i
const now = new Date('2026-11-24T10:00:00.750Z')

/** An SDK client left at its defaults, which add checksum parameters to presigned URLs. */
const checksumHappyClient = (): S3Client =>
  new S3Client({
    endpoint: settings.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: settings,
  })

const urlsFrom = async (client: S3Client): Promise<string[]> => [
  (await presignGetV4(client, { bucket: 'b', key: 'k', expiresInSeconds: 60, now })).url,
  (
    await presignGetV4(client, {
      bucket: 'b',
      key: 'k',
      expiresInSeconds: 60,
      contentDisposition: 'attachment; filename="k.txt"',
      contentType: 'text/plain',
    })
  ).url,
  (
    await presignPutV4(client, {
      bucket: 'b',
      key: 'k',
      contentType: 'text/plain',
      expiresInSeconds: 60,
    })
  ).url,
]

describe('SigV4 links', () => {
  it('carry no checksum parameters (DSS.md §3)', async () => {
    for (const url of await urlsFrom(createPresignClient(settings))) {
      expect(url).not.toMatch(CHECKSUM_PARAM)
    }
  })

  it('stay clean even with an SDK client that adds checksums by default', async () => {
    // The defaults add them (x-amz-checksum-crc32 of an empty body on PUT, x-amz-checksum-mode on GET)…
    expect((await urlsFrom(checksumHappyClient())).join('\n')).toMatch(CHECKSUM_PARAM)
    // …and the middleware takes them out before signing.
    for (const url of await urlsFrom(stripChecksums(checksumHappyClient()))) {
      expect(url).not.toMatch(CHECKSUM_PARAM)
    }
  })

  it('sign the upload content type as a header the uploader must send', async () => {
    const { url, expiresAt } = await presignPutV4(createPresignClient(settings), {
      bucket: 'b',
      key: 'k',
      contentType: 'text/csv',
      expiresInSeconds: 3600,
      now,
    })
    const query = new URL(url).searchParams
    expect(query.get('X-Amz-SignedHeaders')).toBe('content-type;host')
    expect(query.get('X-Amz-Date')).toBe('20261124T100000Z')
    expect(query.get('X-Amz-Expires')).toBe('3600')
    expect(expiresAt.toISOString()).toBe('2026-11-24T11:00:00.000Z')
  })

  it('put the overrides and the odd key in the URL as S3 expects them', async () => {
    const key = "odd/a+b #c ?d &e %20f cafe\u0301 (1)!*'.txt"
    const { url } = await presignGetV4(createPresignClient(settings), {
      bucket: 'b',
      key,
      expiresInSeconds: 60,
      contentDisposition: 'attachment; filename="x.txt"',
      contentType: 'text/plain; charset=utf-8',
      now,
    })
    const parsed = new URL(url)
    // The same encoding as our SigV2 signer: both kinds of link name the key identically.
    expect(parsed.pathname).toBe(`/b/${encodeKeyPath(key)}`)
    expect(parsed.host).toBe('s3.example.test:8443')
    expect(parsed.searchParams.get('response-content-disposition')).toBe(
      'attachment; filename="x.txt"',
    )
    expect(parsed.searchParams.get('response-content-type')).toBe('text/plain; charset=utf-8')
    expect(url).not.toContain(settings.secretAccessKey)
  })
})
