/** The S3 peer on its own: storage folder handling and signature checks, without the emulator. */
import { access, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
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
  it('keeps a given folder, so a second peer on it sees the same objects', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'dss-peer-test-'))
    const credentials = createTestCredentials()
    try {
      const first = await startS3Peer({ ...credentials, directory })
      const s3 = createS3TestClient({ ...credentials, endpoint: first.url })
      await s3.send(new CreateBucketCommand({ Bucket: 'kept' }))
      await s3.send(new PutObjectCommand({ Bucket: 'kept', Key: 'note.txt', Body: 'still here' }))
      s3.destroy()
      await first.stop()

      const second = await startS3Peer({ ...credentials, directory })
      const again = createS3TestClient({ ...credentials, endpoint: second.url })
      try {
        expect(second.port).not.toBe(0)
        const got = await again.send(new GetObjectCommand({ Bucket: 'kept', Key: 'note.txt' }))
        expect(await got.Body?.transformToString()).toBe('still here')
      } finally {
        again.destroy()
        await second.stop()
      }
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })

  it('removes the temporary folder it made, and may be stopped twice', async () => {
    const peer = await startS3Peer(createTestCredentials())
    await access(peer.directory)
    await Promise.all([peer.stop(), peer.stop()])
    await peer.stop()
    await expect(access(peer.directory)).rejects.toThrow(/ENOENT/)
  })

  it('verifies signatures with the registered key pair', async () => {
    const credentials = createTestCredentials()
    const peer = await startS3Peer(credentials)
    const good = createS3TestClient({ ...credentials, endpoint: peer.url })
    const bad = createS3TestClient(
      {
        ...credentials,
        secretAccessKey: createTestCredentials().secretAccessKey,
        endpoint: peer.url,
      },
      { maxAttempts: 1 },
    )
    try {
      expect((await good.send(new ListBucketsCommand({}))).Buckets).toEqual([])
      await expect(bad.send(new ListBucketsCommand({}))).rejects.toMatchObject({
        name: 'SignatureDoesNotMatch',
      })
    } finally {
      good.destroy()
      bad.destroy()
      await peer.stop()
    }
  })
})
