/** Issue 3's operations through the DSS gateway emulator (TLS, 100 RPS) with the real core. */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createS3TestClient } from '../../e2e/testbed/s3-test-client'
import { startTestBed, type TestBed } from '../../e2e/testbed/test-bed'
import type { CommandName, CommandRequest, CommandResponse } from '../../shared/contract'
import type { JobSummary, ObjectPage } from '../../shared/objects'
import { createCore, type Core } from './core'

let bed: TestBed
let core: Core
let dataDir: string
let accountId: string
/** Seeds straight into the peer, past the emulator's rate limit. */
let direct: S3Client
const jobEvents: JobSummary[] = []

const call = async <C extends CommandName>(
  name: C,
  request: CommandRequest<C>,
): Promise<CommandResponse<C>> => {
  const result = await core.dispatch(name, request, { trusted: true })
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  return result.value as CommandResponse<C>
}

const failureOf = async (name: CommandName, request: unknown) => {
  const result = await core.dispatch(name, request, { trusted: true })
  if (result.ok) throw new Error(`${name} succeeded`)
  return result.error
}

const put = (bucket: string, key: string, body: string | Uint8Array = key, contentType?: string) =>
  direct.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
  )

const read = async (bucket: string, key: string): Promise<string> => {
  const answer = await direct.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  return (await answer.Body?.transformToString()) ?? ''
}

/** Every entry of a folder (or a recursive prefix), following continuation tokens. */
const listAll = async (bucket: string, prefix: string, recursive = false) => {
  const keys: string[] = []
  const folders: string[] = []
  let continuationToken: string | null = null
  do {
    const page: ObjectPage = await call('objects.list', {
      accountId,
      bucket,
      prefix,
      recursive,
      continuationToken,
    })
    keys.push(...page.objects.map((object) => object.key))
    folders.push(...page.folders.map((folder) => folder.prefix))
    continuationToken = page.nextToken
  } while (continuationToken)
  return { keys, folders }
}

/** Starts a job and waits for its last state. */
const runJob = async (request: CommandRequest<'jobs.start'>): Promise<JobSummary> => {
  const started = await call('jobs.start', request)
  for (;;) {
    const latest = [...jobEvents].reverse().find((job) => job.id === started.id)
    if (latest && latest.finishedAt) return latest
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

beforeAll(async () => {
  bed = await startTestBed({ buckets: ['source', 'target'] })
  direct = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-objects-'))
  core = createCore({ dataDir, info: { version: 'test', shell: 'web', platform: 'linux' } })
  core.events.subscribe((name, payload) => {
    if (name === 'jobs.updated') jobEvents.push(payload as JobSummary)
  })
  const saved = await call('accounts.save', {
    draft: {
      name: 'Test bed',
      kind: 'custom',
      endpoint: bed.endpoint,
      accessKeyId: bed.accessKeyId,
      secretAccessKey: bed.secretAccessKey,
      caFile: bed.caFile,
    },
  })
  accountId = saved.id
})

afterAll(async () => {
  direct.destroy()
  await core.dispose()
  await bed.stop()
  await rm(dataDir, { recursive: true, force: true })
})

describe('buckets', () => {
  it('creates a bucket, refusing an invalid name before any request', async () => {
    bed.emulator.clearLog()
    expect(await failureOf('buckets.create', { accountId, name: 'Bad_Name' })).toMatchObject({
      code: 'INVALID_BUCKET_NAME',
      message: expect.stringMatching(/capital/),
    })
    expect(bed.emulator.log()).toEqual([])
    await call('buckets.create', { accountId, name: 'made-here' })
    expect((await call('buckets.list', { accountId })).map((bucket) => bucket.name)).toContain(
      'made-here',
    )
  })

  it('refuses to delete a bucket that is not empty, then empties and deletes it as a job', async () => {
    await put('made-here', 'a.txt')
    await put('made-here', 'dir/b.txt')
    expect(await failureOf('buckets.delete', { accountId, name: 'made-here' })).toMatchObject({
      code: 'BUCKET_NOT_EMPTY',
    })
    const estimate = await call('objects.estimate', {
      accountId,
      operation: 'delete',
      selection: { bucket: 'made-here', keys: [], prefixes: [''] },
    })
    expect(estimate).toMatchObject({ objects: 2, requests: 2 })
    const job = await runJob({
      kind: 'empty-bucket',
      accountId,
      bucket: 'made-here',
      deleteBucket: true,
    })
    expect(job).toMatchObject({ state: 'done', done: 2, total: 2, failureCount: 0 })
    expect((await call('buckets.list', { accountId })).map((bucket) => bucket.name)).not.toContain(
      'made-here',
    )
  })
})

describe('folders and listing', () => {
  it('lists a folder page by page with its sub-folders, without the folder marker itself', async () => {
    await call('objects.createFolder', { accountId, bucket: 'source', prefix: '', name: 'docs' })
    await call('objects.createFolder', {
      accountId,
      bucket: 'source',
      prefix: 'docs/',
      name: 'empty',
    })
    for (let index = 0; index < 25; index += 1)
      await put('source', `docs/file-${String(index).padStart(2, '0')}.txt`)
    const root = await listAll('source', '')
    expect(root.folders).toContain('docs/')
    const docs = await call('objects.list', {
      accountId,
      bucket: 'source',
      prefix: 'docs/',
      maxKeys: 10,
    })
    expect(docs.nextToken).not.toBeNull()
    const all = await listAll('source', 'docs/')
    expect(all.folders).toEqual(['docs/empty/'])
    expect(all.keys).toHaveLength(25)
    expect(all.keys).not.toContain('docs/')
  })

  it('falls back to ListObjects (v1) when the server refuses V2, with the same results', async () => {
    const v2 = await listAll('source', 'docs/')
    bed.emulator.setFaults({ refuseListV2: true })
    bed.emulator.clearLog()
    // A fresh account: the fallback is remembered per connection.
    const saved = await call('accounts.save', {
      draft: {
        name: 'v1 only',
        kind: 'custom',
        endpoint: bed.endpoint,
        accessKeyId: bed.accessKeyId,
        secretAccessKey: bed.secretAccessKey,
        caFile: bed.caFile,
      },
    })
    const keys: string[] = []
    const folders: string[] = []
    let continuationToken: string | null = null
    do {
      const page: ObjectPage = await call('objects.list', {
        accountId: saved.id,
        bucket: 'source',
        prefix: 'docs/',
        maxKeys: 10,
        continuationToken,
      })
      keys.push(...page.objects.map((object) => object.key))
      folders.push(...page.folders.map((folder) => folder.prefix))
      continuationToken = page.nextToken
    } while (continuationToken)
    bed.emulator.setFaults({})
    expect({ keys, folders }).toEqual(v2)
    const lists = bed.emulator.log().filter((entry) => entry.method === 'GET')
    expect(lists[0]).toMatchObject({
      status: 501,
      query: expect.objectContaining({ 'list-type': '2' }),
    })
    expect(
      lists.slice(1).every((entry) => entry.status === 200 && !('list-type' in entry.query)),
    ).toBe(true)
    expect(lists.length).toBeGreaterThan(3)
  })

  it('refuses a folder name with a slash', async () => {
    expect(
      await failureOf('objects.createFolder', {
        accountId,
        bucket: 'source',
        prefix: '',
        name: 'a/b',
      }),
    ).toMatchObject({
      code: 'INVALID_KEY',
    })
  })
})

describe('properties', () => {
  it('changes the content type and keeps the user metadata and other headers', async () => {
    await direct.send(
      new PutObjectCommand({
        Bucket: 'source',
        Key: 'props/report.bin',
        Body: 'quarterly',
        ContentType: 'application/octet-stream',
        ContentDisposition: 'attachment; filename="report.bin"',
        Metadata: { owner: 'ana' },
      }),
    )
    const before = await call('objects.head', {
      accountId,
      bucket: 'source',
      key: 'props/report.bin',
    })
    const after = await call('objects.updateProperties', {
      accountId,
      bucket: 'source',
      key: 'props/report.bin',
      contentType: 'text/csv',
      cacheControl: 'max-age=60',
      metadata: { ...before.metadata, reviewed: 'yes' },
    })
    expect(after).toMatchObject({
      contentType: 'text/csv',
      cacheControl: 'max-age=60',
      contentDisposition: 'attachment; filename="report.bin"',
      metadata: { owner: 'ana', reviewed: 'yes' },
      size: 9,
    })
    expect(await read('source', 'props/report.bin')).toBe('quarterly')
  })

  it('previews text and images, and says why it cannot preview the rest', async () => {
    await put('source', 'preview/notes.md', '# Notes\nline two\n', 'text/markdown')
    await put('source', 'preview/pixel.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png')
    await put('source', 'preview/blob.bin', new Uint8Array([0, 1, 2]), 'application/octet-stream')
    expect(
      await call('objects.preview', { accountId, bucket: 'source', key: 'preview/notes.md' }),
    ).toEqual({
      kind: 'text',
      text: '# Notes\nline two\n',
      truncated: false,
    })
    expect(
      await call('objects.preview', { accountId, bucket: 'source', key: 'preview/pixel.png' }),
    ).toEqual({
      kind: 'image',
      contentType: 'image/png',
      dataUrl: 'data:image/png;base64,iVBORw==',
    })
    expect(
      await call('objects.preview', { accountId, bucket: 'source', key: 'preview/blob.bin' }),
    ).toMatchObject({ kind: 'none' })
  })
})

describe('copy, move and rename', () => {
  it('moves an object to another bucket, verified, and the source goes', async () => {
    await put('source', 'move/photo.jpg', 'jpeg bytes')
    const job = await runJob({
      kind: 'move',
      accountId,
      selection: { bucket: 'source', keys: ['move/photo.jpg'], prefixes: [] },
      target: { bucket: 'target', prefix: 'inbox/' },
    })
    expect(job).toMatchObject({ state: 'done', done: 1, failureCount: 0 })
    expect(await read('target', 'inbox/photo.jpg')).toBe('jpeg bytes')
    expect((await listAll('source', 'move/')).keys).toEqual([])
  })

  it('leaves the source intact when the copy fails', async () => {
    await put('source', 'keep/me.txt', 'precious')
    const job = await runJob({
      kind: 'move',
      accountId,
      selection: { bucket: 'source', keys: ['keep/me.txt'], prefixes: [] },
      target: { bucket: 'no-such-bucket-here', prefix: '' },
    })
    expect(job.state).toBe('failed')
    expect(job.failures).toEqual([
      expect.objectContaining({
        key: 'keep/me.txt',
        code: 'NO_SUCH_BUCKET',
        message: expect.stringMatching(/source was kept/),
      }),
    ])
    expect(await read('source', 'keep/me.txt')).toBe('precious')
  })

  it('renames a folder with everything in it', async () => {
    for (const key of ['old/a.txt', 'old/sub/b.txt', 'old/'])
      await put('source', key, key.endsWith('/') ? '' : key)
    const job = await runJob({
      kind: 'move',
      accountId,
      selection: { bucket: 'source', keys: [], prefixes: ['old/'] },
      target: { bucket: 'source', prefix: '' },
      newName: 'new',
    })
    expect(job).toMatchObject({ state: 'done', done: 3 })
    expect((await listAll('source', 'new/', true)).keys.sort()).toEqual([
      'new/',
      'new/a.txt',
      'new/sub/b.txt',
    ])
    expect(await read('source', 'new/sub/b.txt')).toBe('old/sub/b.txt')
    expect((await listAll('source', 'old/', true)).keys).toEqual([])
  })

  it('refuses to move a folder into itself, before any request', async () => {
    const error = await failureOf('jobs.start', {
      kind: 'move',
      accountId,
      selection: { bucket: 'source', keys: [], prefixes: ['docs/'] },
      target: { bucket: 'source', prefix: 'docs/empty/' },
    })
    expect(error).toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(/inside itself/),
    })
  })
})

describe('deleting a big folder', () => {
  it('deletes 2,500 objects with 3 DeleteObjects requests, after estimating the cost', async () => {
    const keys = Array.from(
      { length: 2500 },
      (_, index) => `big/${String(index).padStart(4, '0')}.txt`,
    )
    for (let at = 0; at < keys.length; at += 50)
      await Promise.all(keys.slice(at, at + 50).map((key) => put('source', key, 'x')))
    const estimate = await call('objects.estimate', {
      accountId,
      operation: 'delete',
      selection: { bucket: 'source', keys: [], prefixes: ['big/'] },
    })
    expect(estimate).toEqual({ objects: 2500, bytes: 2500, requests: 6, seconds: 0.1 })
    bed.emulator.clearLog()
    const job = await runJob({
      kind: 'delete',
      accountId,
      selection: { bucket: 'source', keys: [], prefixes: ['big/'] },
    })
    expect(job).toMatchObject({ state: 'done', done: 2500, total: 2500, failureCount: 0 })
    const log = bed.emulator.log()
    const deletes = log.filter((entry) => entry.method === 'POST' && 'delete' in entry.query)
    expect(deletes).toHaveLength(3)
    expect(log.filter((entry) => entry.method === 'DELETE')).toHaveLength(0)
    expect((await listAll('source', 'big/', true)).keys).toEqual([])
  })
})
