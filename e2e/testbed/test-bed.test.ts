/** The test bed end to end: the real AWS SDK v3 over TLS through the emulator to the S3 peer. */
import { createHash, randomBytes } from 'node:crypto'
import https from 'node:https'
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
  paginateListObjectsV2,
  type GetObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { readFile } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest } from './raw-request.js'
import { createS3TestClient } from './s3-test-client.js'
import { startTestBed, type TestBed } from './test-bed.js'

let bed: TestBed
let s3: S3Client
/** Sees each fault as it is: no SDK retries. */
let s3Once: S3Client

beforeAll(async () => {
  bed = await startTestBed({ buckets: ['photos', 'reports'] })
  s3 = createS3TestClient(bed)
  s3Once = createS3TestClient(bed, { maxAttempts: 1 })
})

afterAll(async () => {
  s3.destroy()
  s3Once.destroy()
  await bed.stop()
})

afterEach(() => {
  bed.emulator.setFaults({})
  bed.emulator.setRateLimit(100)
})

const md5 = (data: Buffer): string => createHash('md5').update(data).digest('hex')

/** Resolves with the error a promise rejects with, and fails the test if it resolves. */
const failureOf = async (promise: Promise<unknown>): Promise<Error & Record<string, unknown>> => {
  try {
    await promise
  } catch (error) {
    return error as Error & Record<string, unknown>
  }
  throw new Error('expected a failure')
}

/** The body of a GetObject answer as bytes. */
const bodyOf = async (got: GetObjectCommandOutput): Promise<Buffer> => {
  if (!got.Body) throw new Error('GetObject returned no body')
  return Buffer.from(await got.Body.transformToByteArray())
}

const statusOf = (error: Record<string, unknown>): unknown =>
  (error.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode

describe('the test bed', () => {
  it('uses run-specific credentials and writes the CA to a file', async () => {
    expect(bed.accessKeyId).toMatch(/^DSSTEST[A-Z]{13}$/)
    expect(bed.secretAccessKey).toMatch(/^[A-Za-z0-9_-]{40}$/)
    expect(bed.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(bed.httpEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await readFile(bed.caFile, 'utf8')).toBe(bed.caPem)
  })

  it('has created the requested buckets, and lists them over verified TLS', async () => {
    const { Buckets } = await s3.send(new ListBucketsCommand({}))
    expect(Buckets?.map((bucket) => bucket.Name)).toEqual(['photos', 'reports'])
  })

  it('is not trusted without its CA', async () => {
    const untrusting = createS3TestClient({ ...bed, caPem: undefined }, { maxAttempts: 1 })
    try {
      const error = await failureOf(untrusting.send(new ListBucketsCommand({})))
      expect(error.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/)
    } finally {
      untrusting.destroy()
    }
  })

  it('closes what it started when a start fails (here, on an invalid bucket name)', async () => {
    const listeners = () =>
      process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length
    const before = listeners()
    await expect(startTestBed({ buckets: ['x'] })).rejects.toMatchObject({
      name: 'InvalidBucketName',
    })
    expect(listeners()).toBe(before)
  })

  it('checks signatures through the proxy: a wrong secret is refused', async () => {
    const wrong = createS3TestClient(
      { ...bed, secretAccessKey: 'x'.repeat(40) },
      { maxAttempts: 1 },
    )
    try {
      const error = await failureOf(wrong.send(new ListBucketsCommand({})))
      expect(error.name).toBe('SignatureDoesNotMatch')
      expect(statusOf(error)).toBe(403)
    } finally {
      wrong.destroy()
    }
  })

  it('refuses unsigned requests: no anonymous listing, reading or writing', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'private.txt', Body: 'mine' }))
    const anonymous = (method: string, target: string, body?: string) =>
      rawRequest(bed.endpoint, {
        method,
        path: target,
        ca: bed.caPem,
        ...(body ? { body, headers: ['Content-Length', String(Buffer.byteLength(body))] } : {}),
      })
    // RGW answers an anonymous ListBuckets with the anonymous user's buckets: none.
    const buckets = await anonymous('GET', '/')
    expect(buckets.body.toString()).not.toContain('photos')
    // An anonymous request names the bucket with its tenant (RGW's "tenant:bucket"), or it would
    // look in the tenant of no user and find nothing.
    const bucket = `/${bed.peer.tenant}:photos`
    for (const [method, target, body] of [
      ['GET', `${bucket}/`],
      ['GET', `${bucket}/private.txt`],
      ['PUT', `${bucket}/planted.txt`, 'planted'],
      ['DELETE', `${bucket}/private.txt`],
    ] as const) {
      const response = await anonymous(method, target, body)
      expect([method, target, response.status]).toEqual([method, target, 403])
      expect(response.body.toString()).toContain('<Code>AccessDenied</Code>')
    }
    const missing = await failureOf(
      s3.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'planted.txt' })),
    )
    expect(statusOf(missing)).toBe(404)
    const kept = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'private.txt' }))
    expect(await kept.Body?.transformToString()).toBe('mine')
  })

  it('refuses a presigned link whose signature, key or expiry was tampered with', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'signed.txt', Body: 'signed' }))
    await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'other.txt', Body: 'other' }))
    const url = new URL(
      await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'photos', Key: 'signed.txt' }), {
        expiresIn: 60,
      }),
    )
    const get = async (target: URL) => {
      const response = await rawRequest(target.origin, {
        path: `${target.pathname}${target.search}`,
        ca: bed.caPem,
      })
      return { status: response.status, body: response.body.toString() }
    }
    expect(await get(url)).toEqual({ status: 200, body: 'signed' })
    const signature = url.searchParams.get('X-Amz-Signature') ?? ''
    const flipped = new URL(url)
    flipped.searchParams.set(
      'X-Amz-Signature',
      `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`,
    )
    const otherKey = new URL(url)
    otherKey.pathname = '/photos/other.txt'
    const longer = new URL(url)
    longer.searchParams.set('X-Amz-Expires', '3600')
    for (const tampered of [flipped, otherKey, longer]) {
      const answer = await get(tampered)
      expect(answer.status).toBe(403)
      expect(answer.body).toContain('<Code>SignatureDoesNotMatch</Code>')
    }
  })
})

describe('S3 calls through the emulator', () => {
  it('creates a bucket, then puts, heads, gets and deletes objects with awkward keys', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'made-by-test' }))
    const body = randomBytes(10_000)
    for (const Key of ['plain.txt', 'with space/and+plus.bin', 'ünïcødé/✓.dat']) {
      const put = await s3.send(new PutObjectCommand({ Bucket: 'made-by-test', Key, Body: body }))
      expect(put.ETag).toBe(`"${md5(body)}"`)
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'made-by-test', Key }))
      expect(head.ContentLength).toBe(body.length)
      const got = await s3.send(new GetObjectCommand({ Bucket: 'made-by-test', Key }))
      expect((await bodyOf(got)).equals(body)).toBe(true)
    }
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'made-by-test' }))
    expect(listed.Contents?.map((object) => object.Key)).toEqual([
      'plain.txt',
      'with space/and+plus.bin',
      'ünïcødé/✓.dat',
    ])
    await s3.send(new DeleteObjectCommand({ Bucket: 'made-by-test', Key: 'plain.txt' }))
    const gone = await failureOf(
      s3.send(new HeadObjectCommand({ Bucket: 'made-by-test', Key: 'plain.txt' })),
    )
    expect(statusOf(gone)).toBe(404)
  })

  it('pages through more than 1,000 keys with continuation tokens', async () => {
    // Seeded through the peer directly: 1,050 PUTs through a 100/s limit would take 10 s.
    const direct = createS3TestClient({ ...bed, endpoint: bed.peer.url })
    const keys = Array.from({ length: 1_050 }, (_, i) => `many/${String(i).padStart(4, '0')}`)
    try {
      for (let i = 0; i < keys.length; i += 50) {
        await Promise.all(
          keys
            .slice(i, i + 50)
            .map((Key) => direct.send(new PutObjectCommand({ Bucket: 'reports', Key, Body: Key }))),
        )
      }
    } finally {
      direct.destroy()
    }
    bed.emulator.clearLog()
    const listed: string[] = []
    let pages = 0
    for await (const page of paginateListObjectsV2(
      { client: s3, pageSize: 400 },
      { Bucket: 'reports', Prefix: 'many/' },
    )) {
      pages += 1
      listed.push(...(page.Contents ?? []).map((object) => object.Key ?? ''))
    }
    expect(pages).toBe(3)
    expect(listed).toEqual(keys)
    const tokens = bed.emulator.log().map((entry) => entry.query['continuation-token'])
    expect(tokens.filter(Boolean)).toHaveLength(2)
  })

  it('completes a multipart upload', async () => {
    const parts = [randomBytes(5 * 1024 * 1024), randomBytes(1024)]
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'photos', Key: 'big.bin' }),
    )
    const uploaded = []
    for (const [index, Body] of parts.entries()) {
      const PartNumber = index + 1
      const { ETag } = await s3.send(
        new UploadPartCommand({ Bucket: 'photos', Key: 'big.bin', UploadId, PartNumber, Body }),
      )
      expect(ETag).toBe(`"${md5(Body)}"`)
      uploaded.push({ ETag, PartNumber })
    }
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'photos',
        Key: 'big.bin',
        UploadId,
        MultipartUpload: { Parts: uploaded },
      }),
    )
    const got = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'big.bin' }))
    const body = await bodyOf(got)
    expect(body.equals(Buffer.concat(parts))).toBe(true)
  })

  it('aborts a multipart upload with 204, after which the upload id is unknown', async () => {
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'photos', Key: 'dropped.bin' }),
    )
    await s3.send(
      new UploadPartCommand({
        Bucket: 'photos',
        Key: 'dropped.bin',
        UploadId,
        PartNumber: 1,
        Body: randomBytes(1024),
      }),
    )
    const aborted = await s3.send(
      new AbortMultipartUploadCommand({ Bucket: 'photos', Key: 'dropped.bin', UploadId }),
    )
    expect(aborted.$metadata.httpStatusCode).toBe(204)
    const again = await failureOf(
      s3.send(new AbortMultipartUploadCommand({ Bucket: 'photos', Key: 'dropped.bin', UploadId })),
    )
    expect(again.name).toBe('NoSuchUpload')
    const completing = await failureOf(
      s3Once.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'photos',
          Key: 'dropped.bin',
          UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"0"' }] },
        }),
      ),
    )
    // S3 says NoSuchUpload; RGW 16 answers 500 InternalError ("This multipart completion is
    // already in progress"), so the app cannot count on a 404 from Complete.
    expect(statusOf(completing)).toBeGreaterThanOrEqual(400)
    const missing = await failureOf(
      s3.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'dropped.bin' })),
    )
    expect(statusOf(missing)).toBe(404)
  })

  it('serves a presigned GET, logged as carrying credentials', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'shared.txt', Body: 'shared' }))
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: 'photos', Key: 'shared.txt' }),
      { expiresIn: 60 },
    )
    bed.emulator.clearLog()
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get(url, { ca: bed.caPem, agent: false }, (res) => {
          let text = ''
          res.on('data', (chunk: Buffer) => (text += chunk.toString()))
          res.once('end', () => resolve(text))
        })
        .once('error', reject)
    })
    expect(body).toBe('shared')
    await expect
      .poll(() => bed.emulator.log())
      .toMatchObject([{ status: 200, authorized: true, path: '/photos/shared.txt' }])
  })
})

describe('DSS gateway behaviour, as the SDK sees it', () => {
  it('answers over the limit with SlowDown (503), which the SDK parses', async () => {
    bed.emulator.setRateLimit(0.1, 1)
    await s3Once.send(new ListBucketsCommand({}))
    const error = await failureOf(s3Once.send(new ListBucketsCommand({})))
    expect(error.name).toBe('SlowDown')
    expect(statusOf(error)).toBe(503)
  })

  it('injects InternalError (500)', async () => {
    bed.emulator.setFaults({ errorRate: 1 })
    const error = await failureOf(s3Once.send(new ListBucketsCommand({})))
    expect(error.name).toBe('InternalError')
    expect(statusOf(error)).toBe(500)
  })

  it('resets an upload, which then does not exist', async () => {
    bed.emulator.setFaults({ resetRate: 1 })
    const error = await failureOf(
      s3Once.send(
        new PutObjectCommand({ Bucket: 'photos', Key: 'cut.bin', Body: randomBytes(512 * 1024) }),
      ),
    )
    expect(`${String(error.code)} ${error.message}`).toMatch(/ECONNRESET|EPIPE|socket hang up/)
    bed.emulator.setFaults({})
    const missing = await failureOf(
      s3.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'cut.bin' })),
    )
    expect(statusOf(missing)).toBe(404)
  })

  it('resets a download mid-body', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: 'photos', Key: 'whole.bin', Body: randomBytes(512 * 1024) }),
    )
    bed.emulator.setFaults({ resetRate: 1 })
    const got = await s3Once.send(new GetObjectCommand({ Bucket: 'photos', Key: 'whole.bin' }))
    expect(got.ContentLength).toBe(512 * 1024)
    const error = await failureOf(bodyOf(got))
    expect(`${String(error.code)} ${error.message}`).toMatch(/ECONNRESET|aborted/)
  })

  it('adds latency', async () => {
    bed.emulator.setFaults({ latencyMs: 250 })
    const started = performance.now()
    await s3.send(new ListBucketsCommand({}))
    expect(performance.now() - started).toBeGreaterThanOrEqual(245)
  })
})
