/**
 * What transfers put on the wire, seen by a small recording HTTP stand-in: the exact headers of
 * every PUT and part (Content-MD5, no SDK checksum headers), and the app's answer to a server that
 * lies about an ETag — which no real server (RGW, in the integration tests) can be made to do.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../accounts'
import { createRequestGovernor } from '../request-governor'
import { DEFAULT_REQUEST_LIMITS } from '../request-limits'
import { createRequestLog } from '../request-log'
import { createS3Client } from '../s3-client'
import { createDownloadTask } from './download-task'
import { createJournal, type UploadRecord } from './journal'
import { createPartSlots } from './part-slots'
import { createPathAllocator } from './path-allocator'
import { putObject, uploadPart } from './s3-steps'
import { createStaging } from './staging'
import type { TaskContext } from './transfer-task'

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest()

let server: http.Server
let seen: Seen[] = []
/** The object the stand-in serves, and whether PUTs get a wrong ETag back. */
let stored = { body: Buffer.alloc(0), etag: '"0"' }
let lying = false
let connection: Connection
let dir: string

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
      })
      if (request.method === 'PUT') {
        const etag = lying ? '"00000000000000000000000000000000"' : `"${md5(body).toString('hex')}"`
        response.writeHead(200, { ETag: etag }).end()
        return
      }
      const ifMatch = request.headers['if-match']
      if (ifMatch && ifMatch !== stored.etag) {
        response
          .writeHead(412, { 'Content-Type': 'application/xml' })
          .end('<Error><Code>PreconditionFailed</Code><Message>x</Message></Error>')
        return
      }
      const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '')
      const start = range ? Number(range[1]) : 0
      const part = stored.body.subarray(start)
      response.writeHead(range ? 206 : 200, {
        ETag: stored.etag,
        'Content-Length': part.length,
        ...(range
          ? { 'Content-Range': `bytes ${start}-${stored.body.length - 1}/${stored.body.length}` }
          : {}),
      })
      response.end(part)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const governor = createRequestGovernor(100)
  const log = createRequestLog()
  const settings = { endpoint, accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }
  connection = {
    client: createS3Client(settings, governor, log),
    settings,
    governor,
    log,
    endpoint,
    limits: DEFAULT_REQUEST_LIMITS,
  }
  dir = await mkdtemp(path.join(os.tmpdir(), 'dss-wire-'))
})

afterAll(async () => {
  connection.client.destroy()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

beforeEach(() => {
  seen = []
  lying = false
})

const step = {
  policy: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
  signal: new AbortController().signal,
}

/** A one-part multipart upload of `body`, as the journal would hold it. */
const uploadRecordFor = (body: Buffer): UploadRecord => ({
  kind: 'upload',
  id: 'i',
  batchId: 'b',
  accountId: 'a',
  bucket: 'b',
  key: 'big.bin',
  name: 'big.bin',
  path: '/nowhere',
  stagedId: null,
  size: body.length,
  mtimeMs: 0,
  contentType: 'application/octet-stream',
  uploadId: 'upload-1',
  partSize: body.length,
  parts: [],
})

const checksumHeaders = (headers: http.IncomingHttpHeaders) =>
  Object.keys(headers).filter(
    (name) => name.startsWith('x-amz-checksum') || name === 'x-amz-sdk-checksum-algorithm',
  )

describe('on the wire', () => {
  it('PutObject carries Content-MD5 and no SDK checksum headers', async () => {
    const body = randomBytes(10_000)
    await putObject(
      connection,
      { bucket: 'b', key: 'k.txt', contentType: 'text/plain' },
      body,
      step,
    )
    const [put] = seen
    expect(put?.headers['content-md5']).toBe(md5(body).toString('base64'))
    expect(put?.headers['content-type']).toBe('text/plain')
    expect(checksumHeaders(put?.headers ?? {})).toEqual([])
    expect(put?.body.equals(body)).toBe(true)
  })

  it('UploadPart streams a large part with its Content-MD5 and exact length', async () => {
    const body = randomBytes(6 * 1024 * 1024 + 3)
    const record = uploadRecordFor(body)
    const part = await uploadPart(connection, record, 1, body, step)
    const [put] = seen
    expect(put?.url).toMatch(/partNumber=1&uploadId=upload-1/)
    expect(put?.headers['content-md5']).toBe(md5(body).toString('base64'))
    expect(put?.headers['content-length']).toBe(String(body.length))
    expect(checksumHeaders(put?.headers ?? {})).toEqual([])
    expect(put?.body.equals(body)).toBe(true)
    expect(part).toEqual({
      number: 1,
      etag: `"${md5(body).toString('hex')}"`,
      md5: md5(body).toString('hex'),
    })
  })

  it('a large part tells its progress as it is sent, and a failed attempt takes it back', async () => {
    const body = randomBytes(6 * 1024 * 1024)
    const record = uploadRecordFor(body)
    const told: number[] = []
    const progress = (bytes: number) => told.push(bytes)
    const sum = () => told.reduce((total, bytes) => total + bytes, 0)

    await uploadPart(connection, record, 1, body, { ...step, progress })
    // Many steps on the way, never more than the part, the whole part in the end.
    expect(told.filter((bytes) => bytes > 0).length).toBeGreaterThan(10)
    let running = 0
    for (const bytes of told) {
      running += bytes
      expect(running).toBeLessThanOrEqual(body.length)
    }
    expect(sum()).toBe(body.length)

    told.length = 0
    lying = true
    await expect(
      uploadPart(connection, record, 1, body, { ...step, progress }),
    ).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' })
    // Two attempts went out and both failed: what they told was taken back.
    expect(told.filter((bytes) => bytes < 0)).toHaveLength(2)
    expect(sum()).toBe(0)
  })

  it('an ETag that is not the MD5 of what was sent fails as CHECKSUM_MISMATCH, after a retry', async () => {
    lying = true
    await expect(
      putObject(connection, { bucket: 'b', key: 'k', contentType: 'x/y' }, randomBytes(10), step),
    ).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' })
    expect(seen).toHaveLength(2)
  })

  it('a ranged resume answered 412 (If-Match failed) starts over from zero', async () => {
    const localPath = path.join(dir, 'obj.bin')
    const before = randomBytes(300_000)
    stored = { body: randomBytes(500_000), etag: '"new-version"' }
    await writeFile(`${localPath}.part`, before.subarray(0, 100_000))
    const journal = createJournal(path.join(dir, 'data'))
    await journal.load()
    journal.put({
      kind: 'download',
      id: 'd',
      batchId: 'b',
      accountId: 'a',
      bucket: 'b',
      key: 'obj.bin',
      localPath,
      etag: '"old-version"',
      size: before.length,
    })
    const notes: (string | null)[] = []
    const context: TaskContext = {
      signal: new AbortController().signal,
      progress: () => undefined,
      setDone: () => undefined,
      setTotal: () => undefined,
      note: (text) => notes.push(text),
    }
    const task = createDownloadTask(
      {
        id: 'd',
        batchId: 'b',
        accountId: 'a',
        bucket: 'b',
        key: 'obj.bin',
        name: 'obj.bin',
        localPath,
      },
      {
        connection: async () => connection,
        journal,
        slots: createPartSlots(1),
        staging: createStaging(dir),
        settings: () => {
          throw new Error('not used by downloads')
        },
        retry: step.policy,
        paths: createPathAllocator(),
      },
    )
    await task.run(context)
    expect(seen.map((request) => [request.headers.range, request.headers['if-match']])).toEqual([
      ['bytes=100000-', '"old-version"'],
      [undefined, undefined],
    ])
    expect((await readFile(localPath)).equals(stored.body)).toBe(true)
    expect(notes).toContainEqual(expect.stringMatching(/changed/))
    expect(journal.get('d', 'download')).toBeUndefined()
    // The task saves the journal in the background; wait for that write before the folder goes.
    await journal.save()
  })
})
