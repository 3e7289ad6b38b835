/**
 * The web shell's upload staging (POST /files/stage): only our own page with the token may stage,
 * bodies stream to the staging folder with their size checked, and a staged file is deleted once
 * its upload is done or cancelled.
 */
import { randomBytes } from 'node:crypto'
import { lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createS3TestClient } from '../../e2e/testbed/s3-test-client'
import { startTestBed, type TestBed } from '../../e2e/testbed/test-bed'
import { createCore, type Core } from '../core/core'
import {
  callerFor,
  md5Of,
  MIB,
  saveAccount,
  transferOf,
  waitForTransfers,
  type Caller,
} from '../core/transfers/transfer-testing.test-fixture'
import { startWebShell, type WebShell } from './server'

let dir: string
let core: Core
let shell: WebShell
let bed: TestBed
let direct: S3Client
let call: Caller
let accountId: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dss-stage-'))
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>DSS Explorer</title>')
  bed = await startTestBed({ buckets: ['staged'] })
  direct = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  core = createCore({
    dataDir: path.join(dir, 'data'),
    info: { version: 'test', shell: 'web', platform: 'linux' },
  })
  call = callerFor(core)
  accountId = await saveAccount(call, bed)
  shell = await startWebShell({ core, rendererDir: dir })
})

afterAll(async () => {
  await shell.close()
  await core.dispose()
  direct.destroy()
  await bed.stop()
  await rm(dir, { recursive: true, force: true })
})

type Answer = { status: number; body: string }

/** POSTs `chunks` (streamed, chunked unless `length` is given) to the staging endpoint. */
const stage = (
  query: string,
  chunks: readonly Uint8Array[],
  headers: Record<string, string> = {},
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: shell.port,
        method: 'POST',
        path: `/files/stage?${query}`,
        headers: { origin: `http://127.0.0.1:${shell.port}`, ...headers },
      },
      (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      },
    )
    request.on('error', reject)
    for (const chunk of chunks) request.write(chunk)
    request.end()
  })

const query = (name: string, size: number, token: string | null = shell.token) =>
  `name=${encodeURIComponent(name)}&size=${size}&lastModified=1700000000000${token ? `&token=${token}` : ''}`

const staged = () => readdir(path.join(dir, 'data', 'staging')).catch(() => [] as string[])

const gone = (file: string) =>
  lstat(file).then(
    () => false,
    () => true,
  )

describe('upload staging in the web shell', () => {
  it('refuses without the token, with a wrong one, from a foreign Origin or with no Origin', async () => {
    const body = [Buffer.from('hello')]
    expect((await stage(query('a.txt', 5, null), body)).status).toBe(403)
    expect((await stage(query('a.txt', 5, 'wrong'), body)).status).toBe(403)
    expect((await stage(query('a.txt', 5), body, { origin: 'http://evil.example' })).status).toBe(
      403,
    )
    const noOrigin = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: shell.port,
          method: 'POST',
          path: `/files/stage?${query('a.txt', 5)}`,
        },
        (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        },
      )
      request.on('error', reject)
      request.end('hello')
    })
    expect(noOrigin).toBe(403)
    expect(await staged()).toEqual([])
  })

  it('streams a body to the staging folder and answers its stagedId', async () => {
    const chunks = Array.from({ length: 12 }, () => randomBytes(256 * 1024))
    const answer = await stage(query('photo.jpg', 3 * MIB), chunks)
    expect(answer.status).toBe(200)
    const { stagedId } = JSON.parse(answer.body) as { stagedId: string }
    const file = path.join(dir, 'data', 'staging', stagedId)
    expect(md5Of(await readFile(file))).toBe(md5Of(Buffer.concat(chunks)))
    // The copy keeps the dropped file's time, which its upload records as x-amz-meta-mtime.
    expect((await lstat(file)).mtimeMs).toBe(1_700_000_000_000)
  })

  it('refuses a body longer or shorter than its size, keeping nothing', async () => {
    const before = await staged()
    const longer = await stage(query('x.bin', 4), [Buffer.from('12345678')])
    expect(longer.status).toBe(400)
    const shorter = await stage(query('x.bin', 10), [Buffer.from('12')])
    expect(shorter).toMatchObject({ status: 400, body: expect.stringMatching(/not the announced/) })
    const lying = await stage(query('x.bin', 10), [Buffer.from('12')], { 'content-length': '2' })
    expect(lying.status).toBe(400)
    expect(await staged()).toEqual(before)
  })

  it('keeps nothing of a body cut off midway (a file that changed while the page read it)', async () => {
    // The page's fetch stops sending when the browser cannot read the file any more: the server
    // sees half the announced bytes and then the connection close.
    const before = await staged()
    const request = http.request({
      host: '127.0.0.1',
      port: shell.port,
      method: 'POST',
      path: `/files/stage?${query('shrinks.bin', 4 * MIB)}`,
      headers: { origin: `http://127.0.0.1:${shell.port}`, 'content-length': String(4 * MIB) },
    })
    request.on('error', () => undefined)
    request.write(randomBytes(MIB))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await staged()).toHaveLength(before.length + 1)
    request.destroy()
    // The half-written copy goes once the server sees the connection close.
    for (let tries = 0; (await staged()).length > before.length && tries < 200; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(await staged()).toEqual(before)
  })

  it('uploads a staged file and deletes it once done', async () => {
    const body = randomBytes(200_000)
    const { stagedId } = JSON.parse(
      (await stage(query('notes.txt', body.length), [body])).body,
    ) as { stagedId: string }
    await call('transfers.upload', {
      accountId,
      bucket: 'staged',
      prefix: 'in/',
      files: [
        {
          source: {
            kind: 'staged',
            stagedId,
            name: 'notes.txt',
            size: body.length,
            lastModified: 1_700_000_000_000,
          },
          relativeKey: 'notes.txt',
        },
      ],
      folders: [],
      conflict: 'overwrite',
    })
    expect(transferOf(await waitForTransfers(call), 'in/notes.txt').state).toBe('done')
    const object = await direct.send(
      new GetObjectCommand({ Bucket: 'staged', Key: 'in/notes.txt' }),
    )
    expect(md5Of(await (object.Body?.transformToByteArray() ?? new Uint8Array()))).toBe(md5Of(body))
    expect(await gone(path.join(dir, 'data', 'staging', stagedId))).toBe(true)
  })

  it('deletes a staged file when its upload is cancelled', async () => {
    const chunks = Array.from({ length: 20 }, () => randomBytes(MIB))
    const { stagedId } = JSON.parse((await stage(query('big.bin', 20 * MIB), chunks)).body) as {
      stagedId: string
    }
    bed.emulator.setFaults({ latencyMs: 1000 })
    try {
      await call('transfers.upload', {
        accountId,
        bucket: 'staged',
        prefix: '',
        files: [
          {
            source: {
              kind: 'staged',
              stagedId,
              name: 'big.bin',
              size: 20 * MIB,
              lastModified: 1_700_000_000_000,
            },
            relativeKey: 'big.bin',
          },
        ],
        folders: [],
        conflict: 'overwrite',
      })
      const running = transferOf(
        await waitForTransfers(call, (list) => transferOf(list, 'big.bin').state === 'running'),
        'big.bin',
      )
      await call('transfers.cancel', { id: running.id })
      await waitForTransfers(call, (list) => transferOf(list, 'big.bin').state === 'cancelled')
    } finally {
      bed.emulator.setFaults({})
    }
    const file = path.join(dir, 'data', 'staging', stagedId)
    for (let tries = 0; tries < 100 && !(await gone(file)); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(await gone(file)).toBe(true)
  })
})
