/**
 * The sandbox's S3 server is closed to everyone but the app and the holders of its links: an
 * unsigned request, s3rver's built-in key, a web page (Origin) and a website configuration are
 * refused; the app's key and its presigned links (SigV4 and SigV2) work.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createS3Client } from '../s3-client'
import { presignV2Url } from '../share/sigv2-links'
import { createPresignClient, presignGetV4, presignPutV4 } from '../share/sigv4-links'
import { startLocalS3Server, type LocalS3Server } from './local-s3-server'

const KEYS = { accessKeyId: 'SANDBOXTESTKEY', secretAccessKey: 'sandbox-test-secret' }
const BUCKET = 'box'
const SECRET = 'only for the app'

let directory: string
let server: LocalS3Server
let client: S3Client

const exists = async (key: string): Promise<boolean> => {
  try {
    await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))
    return true
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFound') return false
    throw error
  }
}

/** The S3 error code a refused SDK call ends with. */
const refusal = async (call: Promise<unknown>): Promise<string> => {
  try {
    await call
  } catch (error) {
    return (error as { name?: string }).name ?? 'unnamed error'
  }
  throw new Error('the call was accepted')
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'dss-local-s3-'))
  server = await startLocalS3Server({ directory, ...KEYS })
  client = createS3Client({ endpoint: server.endpoint, ...KEYS })
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }))
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'secret.txt', Body: SECRET }))
})

afterAll(async () => {
  client.destroy()
  await server.stop()
  await rm(directory, { recursive: true, force: true })
})

describe('the local S3 server', () => {
  it("accepts the app's own key", async () => {
    const buckets = await client.send(new ListBucketsCommand({}))
    expect(buckets.Buckets?.map((bucket) => bucket.Name)).toContain(BUCKET)
  })

  it('refuses requests without a signature: list, read, write, delete', async () => {
    const list = await fetch(`${server.endpoint}/`)
    expect(list.status).toBe(403)
    expect(await list.text()).toContain('<Code>AccessDenied</Code>')
    const read = await fetch(`${server.endpoint}/${BUCKET}/secret.txt`)
    expect(read.status).toBe(403)
    expect(await read.text()).not.toContain(SECRET)
    const write = await fetch(`${server.endpoint}/${BUCKET}/anonymous.txt`, {
      method: 'PUT',
      body: 'anonymous',
    })
    expect(write.status).toBe(403)
    expect(await exists('anonymous.txt')).toBe(false)
    const remove = await fetch(`${server.endpoint}/${BUCKET}/secret.txt`, { method: 'DELETE' })
    expect(remove.status).toBe(403)
    expect(await exists('secret.txt')).toBe(true)
  })

  it("refuses s3rver's built-in S3RVER key", async () => {
    const builtIn = createS3Client({
      endpoint: server.endpoint,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    })
    expect(await refusal(builtIn.send(new ListBucketsCommand({})))).toBe('InvalidAccessKeyId')
    builtIn.destroy()
  })

  it("refuses a web page's form POST that would write or delete", async () => {
    const form = new FormData()
    form.append('key', 'from-a-web-page.txt')
    form.append('file', new Blob(['planted']), 'planted.txt')
    const write = await fetch(`${server.endpoint}/${BUCKET}`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example' },
      body: form,
    })
    expect(write.status).toBe(403)
    expect(await exists('from-a-web-page.txt')).toBe(false)
    const remove = await fetch(`${server.endpoint}/${BUCKET}?delete`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      body: '<Delete><Object><Key>secret.txt</Key></Object></Delete>',
    })
    expect(remove.status).toBe(403)
    expect(await exists('secret.txt')).toBe(true)
  })

  it('refuses any request carrying an Origin header, even one signed with the right key', async () => {
    const fromAPage = createS3Client({ endpoint: server.endpoint, ...KEYS })
    fromAPage.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> }
        request.headers.origin = 'http://evil.example'
        return next(args)
      },
      { step: 'build', name: 'addOrigin' },
    )
    expect(
      await refusal(fromAPage.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'secret.txt' }))),
    ).toBe('AccessDenied')
    fromAPage.destroy()
  })

  it('refuses a website configuration, which s3rver would serve without signatures', async () => {
    // A bucket of its own: were the configuration accepted, it would not leak into other tests.
    await client.send(new CreateBucketCommand({ Bucket: 'site' }))
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'page.txt', Body: SECRET }))
    const configure = client.send(
      new PutBucketWebsiteCommand({
        Bucket: 'site',
        WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } },
      }),
    )
    expect(await refusal(configure)).toBe('AccessDenied')
    const forged = await fetch(`${server.endpoint}/site/page.txt?Signature=forged`)
    expect(forged.status).toBe(403)
    expect(await forged.text()).not.toContain(SECRET)
  })

  it("serves the app's share links, SigV4 and SigV2, to a recipient without Origin", async () => {
    const presigner = createPresignClient({ endpoint: server.endpoint, ...KEYS })
    const v4 = await presignGetV4(presigner, {
      bucket: BUCKET,
      key: 'secret.txt',
      expiresInSeconds: 600,
    })
    expect(await (await fetch(v4.url)).text()).toBe(SECRET)
    const upload = await presignPutV4(presigner, {
      bucket: BUCKET,
      key: 'dropped.txt',
      contentType: 'text/plain',
      expiresInSeconds: 600,
    })
    const put = await fetch(upload.url, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain' },
      body: 'dropped off',
    })
    expect(put.status).toBe(200)
    expect(await exists('dropped.txt')).toBe(true)
    presigner.destroy()
    const v2 = presignV2Url(
      { endpoint: server.endpoint, ...KEYS },
      {
        method: 'GET',
        bucket: BUCKET,
        key: 'secret.txt',
        expires: Math.floor(Date.now() / 1000) + 600,
      },
    )
    expect(await (await fetch(v2)).text()).toBe(SECRET)
    const tampered = await fetch(v2.replace(/Signature=[^&]+/, 'Signature=forged'))
    expect(tampered.status).toBe(403)
  })
})
