/** The S3 peer on its own (RGW, no emulator): tenants keep peers apart, signatures are checked. */
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { startS3Peer } from './s3-peer.js'
import { createS3TestClient } from './s3-test-client.js'
import { createTestCredentials } from './test-credentials.js'

describe('S3 peer', () => {
  it('gives each peer its own bucket namespace on the shared gateway', async () => {
    const [one, two] = [createTestCredentials(), createTestCredentials()]
    const [first, second] = await Promise.all([startS3Peer(one), startS3Peer(two)])
    const a = createS3TestClient({ ...one, endpoint: first.url })
    const b = createS3TestClient({ ...two, endpoint: second.url })
    try {
      expect(first.url).toBe(second.url)
      expect(first.tenant).not.toBe(second.tenant)
      for (const [client, text] of [
        [a, 'first'],
        [b, 'second'],
      ] as const) {
        await client.send(new CreateBucketCommand({ Bucket: 'same-name' }))
        await client.send(new PutObjectCommand({ Bucket: 'same-name', Key: 'who', Body: text }))
      }
      const got = await a.send(new GetObjectCommand({ Bucket: 'same-name', Key: 'who' }))
      expect(await got.Body?.transformToString()).toBe('first')
      expect((await b.send(new ListBucketsCommand({}))).Buckets?.map((x) => x.Name)).toEqual([
        'same-name',
      ])
    } finally {
      a.destroy()
      b.destroy()
      await Promise.all([first.stop(), second.stop()])
    }
  })

  it('removes its user on stop, so its key no longer works; stopping twice is fine', async () => {
    const credentials = createTestCredentials()
    const peer = await startS3Peer(credentials)
    const client = createS3TestClient({ ...credentials, endpoint: peer.url }, { maxAttempts: 1 })
    try {
      expect((await client.send(new ListBucketsCommand({}))).Buckets).toEqual([])
      await Promise.all([peer.stop(), peer.stop()])
      await peer.stop()
      await expect(client.send(new ListBucketsCommand({}))).rejects.toMatchObject({
        name: 'InvalidAccessKeyId',
      })
    } finally {
      client.destroy()
    }
  })

  it('verifies signatures with the user’s key pair', async () => {
    const credentials = createTestCredentials()
    const peer = await startS3Peer(credentials)
    const bad = createS3TestClient(
      {
        ...credentials,
        secretAccessKey: createTestCredentials().secretAccessKey,
        endpoint: peer.url,
      },
      { maxAttempts: 1 },
    )
    try {
      await expect(bad.send(new ListBucketsCommand({}))).rejects.toMatchObject({
        name: 'SignatureDoesNotMatch',
      })
    } finally {
      bad.destroy()
      await peer.stop()
    }
  })
})
