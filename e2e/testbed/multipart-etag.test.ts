/**
 * The peer gives multipart objects S3's ETag (MD5 of the part MD5s, "-N"), as DSS does; the app
 * relies on it to check a finished upload. RGW 16 answers CompleteMultipartUpload with an empty
 * <ETag>, so the app must take the ETag from elsewhere (its own parts, or a HEAD).
 */
import { createHash } from 'node:crypto'
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { expect, it } from 'vitest'
import { createS3TestClient } from './s3-test-client.js'
import { startTestBed } from './test-bed.js'

const md5 = (bytes: Buffer): Buffer => createHash('md5').update(bytes).digest()

it('gives a multipart object the MD5 of its parts’ MD5s followed by -N', async () => {
  const bed = await startTestBed({ buckets: ['multipart'] })
  const client = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  try {
    const parts = [Buffer.alloc(5 * 1024 * 1024, 1), Buffer.alloc(1000, 2)]
    const target = { Bucket: 'multipart', Key: 'two-parts.bin' }
    const { UploadId } = await client.send(new CreateMultipartUploadCommand(target))
    const done = []
    for (const [index, body] of parts.entries()) {
      const part = await client.send(
        new UploadPartCommand({ ...target, UploadId, PartNumber: index + 1, Body: body }),
      )
      done.push({ PartNumber: index + 1, ETag: part.ETag })
    }
    const completed = await client.send(
      new CompleteMultipartUploadCommand({ ...target, UploadId, MultipartUpload: { Parts: done } }),
    )
    const expected = `"${md5(Buffer.concat(parts.map(md5))).toString('hex')}-2"`
    expect(completed.ETag).toBe('')
    const head = await client.send(new HeadObjectCommand(target))
    expect(head.ETag).toBe(expected)
    expect(head.ContentLength).toBe(parts.reduce((sum, part) => sum + part.length, 0))
  } finally {
    client.destroy()
    await bed.stop()
  }
})
