/**
 * Seeds many small objects with real PUTs straight to the RADOS Gateway (past the emulator, so
 * no rate limit), many in flight over keep-alive connections, and deletes them again. Each PUT is
 * a bare request signed with SigV2 header auth: the SDK's per-request work would cost more CPU
 * than the gateway's on this 2-core machine, and seeding is not what is measured.
 */
import { createHmac } from 'node:crypto'
import http from 'node:http'
import { DeleteObjectsCommand } from '@aws-sdk/client-s3'
import { createS3TestClient } from '../../e2e/testbed/s3-test-client'

export type Peer = {
  readonly url: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

const put = (agent: http.Agent, peer: Peer, resource: string, body: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const date = new Date().toUTCString()
    const signature = createHmac('sha1', peer.secretAccessKey)
      .update(`PUT\n\ntext/plain\n${date}\n${resource}`)
      .digest('base64')
    const url = new URL(peer.url)
    const request = http.request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        method: 'PUT',
        path: resource,
        headers: {
          Date: date,
          'Content-Type': 'text/plain',
          'Content-Length': Buffer.byteLength(body),
          Authorization: `AWS ${peer.accessKeyId}:${signature}`,
        },
      },
      (response) => {
        response.resume()
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`PUT ${resource}: HTTP ${response.statusCode}`)),
        )
      },
    )
    request.on('error', reject)
    request.end(body)
  })

/** Keys must be URL-safe as they are (the benchmark's `big/object-000001.txt` are). */
export const seedObjects = async (
  peer: Peer,
  bucket: string,
  keys: readonly string[],
  inFlight = 96,
): Promise<void> => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight })
  let next = 0
  const worker = async (): Promise<void> => {
    for (let key = keys[next++]; key !== undefined; key = keys[next++]) {
      // A busy machine may drop a kept-alive connection now and then: try a key three times.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await put(agent, peer, `/${bucket}/${key}`, `${key}\n`)
          break
        } catch (error) {
          if (attempt === 3) throw error
        }
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: inFlight }, worker))
  } finally {
    agent.destroy()
  }
}

/**
 * Deletes the seeded keys, 1,000 per DeleteObjects, a few batches in flight: far faster than the
 * test bed's own clean-up, which removes its user's objects one by one.
 */
export const deleteObjects = async (
  peer: Peer,
  bucket: string,
  keys: readonly string[],
  inFlight = 4,
): Promise<void> => {
  const client = createS3TestClient({ ...peer, endpoint: peer.url })
  const batches: string[][] = []
  for (let at = 0; at < keys.length; at += 1000) batches.push(keys.slice(at, at + 1000))
  let next = 0
  const worker = async (): Promise<void> => {
    for (let batch = batches[next++]; batch; batch = batches[next++]) {
      const answer = await client.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      )
      const failed = answer.Errors?.[0]
      if (failed) throw new Error(`DeleteObjects: ${failed.Key}: ${failed.Code}`)
    }
  }
  try {
    await Promise.all(Array.from({ length: inFlight }, worker))
  } finally {
    client.destroy()
  }
}
