/** Issue 3's operations through the DSS gateway emulator (TLS, 100 RPS) with the real core. */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ObjectPage } from '../../shared/objects'
import { startHarness, type Harness } from './testing/core-harness'

let h: Harness

const put = (bucket: string, key: string, body: string | Uint8Array = key, contentType?: string) =>
  h.direct.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
  )

const read = async (bucket: string, key: string): Promise<string> => {
  const answer = await h.direct.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  return (await answer.Body?.transformToString()) ?? ''
}

beforeAll(async () => {
  h = await startHarness({ buckets: ['source', 'target'], prefix: 'objects' })
})

afterAll(() => h.stop())

describe('buckets', () => {
  it('creates a bucket, refusing an invalid name before any request', async () => {
    h.bed.emulator.clearLog()
    expect(
      await h.failureOf('buckets.create', { accountId: h.accountId, name: 'Bad_Name' }),
    ).toMatchObject({
      code: 'INVALID_BUCKET_NAME',
      message: expect.stringMatching(/capital/),
    })
    expect(h.bed.emulator.log()).toEqual([])
    await h.call('buckets.create', { accountId: h.accountId, name: 'made-here' })
    expect(
      (await h.call('buckets.list', { accountId: h.accountId })).map((bucket) => bucket.name),
    ).toContain('made-here')
  })

  it('refuses to delete a bucket that is not empty, then empties and deletes it as a job', async () => {
    await put('made-here', 'a.txt')
    await put('made-here', 'dir/b.txt')
    expect(
      await h.failureOf('buckets.delete', { accountId: h.accountId, name: 'made-here' }),
    ).toMatchObject({
      code: 'BUCKET_NOT_EMPTY',
    })
    const estimate = await h.call('objects.estimate', {
      accountId: h.accountId,
      operation: 'delete',
      selection: { bucket: 'made-here', keys: [], prefixes: [''] },
    })
    expect(estimate).toMatchObject({ objects: 2, requests: 2 })
    const job = await h.runJob({
      kind: 'empty-bucket',
      accountId: h.accountId,
      bucket: 'made-here',
      deleteBucket: true,
    })
    expect(job).toMatchObject({ state: 'done', done: 2, total: 2, failureCount: 0 })
    expect(
      (await h.call('buckets.list', { accountId: h.accountId })).map((bucket) => bucket.name),
    ).not.toContain('made-here')
  })
})

describe('folders and listing', () => {
  it('lists a folder page by page with its sub-folders, without the folder marker itself', async () => {
    await h.call('objects.createFolder', {
      accountId: h.accountId,
      bucket: 'source',
      prefix: '',
      name: 'docs',
    })
    await h.call('objects.createFolder', {
      accountId: h.accountId,
      bucket: 'source',
      prefix: 'docs/',
      name: 'empty',
    })
    for (let index = 0; index < 25; index += 1)
      await put('source', `docs/file-${String(index).padStart(2, '0')}.txt`)
    const root = await h.listAll('source', '')
    expect(root.folders).toContain('docs/')
    const docs = await h.call('objects.list', {
      accountId: h.accountId,
      bucket: 'source',
      prefix: 'docs/',
      maxKeys: 10,
    })
    expect(docs.nextToken).not.toBeNull()
    // Read to the end, as the window does: a listing left half read goes on reading ahead a
    // while, and its requests would land in the next test's log.
    for (let token = docs.nextToken; token !== null;) {
      const next: ObjectPage = await h.call('objects.list', {
        accountId: h.accountId,
        bucket: 'source',
        prefix: 'docs/',
        maxKeys: 10,
        continuationToken: token,
      })
      token = next.nextToken
    }
    const all = await h.listAll('source', 'docs/')
    expect(all.folders).toEqual(['docs/empty/'])
    expect(all.keys).toHaveLength(25)
    expect(all.keys).not.toContain('docs/')
  })

  it('falls back to ListObjects (v1) when the server refuses V2, with the same results', async () => {
    const v2 = await h.listAll('source', 'docs/')
    h.bed.emulator.setFaults({ refuseListV2: true })
    h.bed.emulator.clearLog()
    // A fresh account: the fallback is remembered per connection.
    const saved = await h.call('accounts.save', { draft: h.draft({ name: 'v1 only' }) })
    const v1 = await h.listAll('source', 'docs/', { accountId: saved.id, maxKeys: 10 })
    h.bed.emulator.setFaults({})
    expect(v1).toEqual(v2)
    const lists = h.bed.emulator.log().filter((entry) => entry.method === 'GET')
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
      await h.failureOf('objects.createFolder', {
        accountId: h.accountId,
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
    await h.direct.send(
      new PutObjectCommand({
        Bucket: 'source',
        Key: 'props/report.bin',
        Body: 'quarterly',
        ContentType: 'application/octet-stream',
        ContentDisposition: 'attachment; filename="report.bin"',
        Metadata: { owner: 'ana' },
      }),
    )
    const before = await h.call('objects.head', {
      accountId: h.accountId,
      bucket: 'source',
      key: 'props/report.bin',
    })
    const after = await h.call('objects.updateProperties', {
      accountId: h.accountId,
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
      await h.call('objects.preview', {
        accountId: h.accountId,
        bucket: 'source',
        key: 'preview/notes.md',
      }),
    ).toEqual({
      kind: 'text',
      text: '# Notes\nline two\n',
      truncated: false,
    })
    expect(
      await h.call('objects.preview', {
        accountId: h.accountId,
        bucket: 'source',
        key: 'preview/pixel.png',
      }),
    ).toEqual({
      kind: 'image',
      contentType: 'image/png',
      dataUrl: 'data:image/png;base64,iVBORw==',
    })
    expect(
      await h.call('objects.preview', {
        accountId: h.accountId,
        bucket: 'source',
        key: 'preview/blob.bin',
      }),
    ).toMatchObject({ kind: 'none' })
  })
})

describe('copy, move and rename', () => {
  it('moves an object to another bucket, verified, and the source goes', async () => {
    await put('source', 'move/photo.jpg', 'jpeg bytes')
    const job = await h.runJob({
      kind: 'move',
      accountId: h.accountId,
      selection: { bucket: 'source', keys: ['move/photo.jpg'], prefixes: [] },
      target: { bucket: 'target', prefix: 'inbox/' },
    })
    expect(job).toMatchObject({ state: 'done', done: 1, failureCount: 0 })
    expect(await read('target', 'inbox/photo.jpg')).toBe('jpeg bytes')
    expect((await h.listAll('source', 'move/')).keys).toEqual([])
  })

  it('leaves the source intact when the copy fails', async () => {
    await put('source', 'keep/me.txt', 'precious')
    const job = await h.runJob({
      kind: 'move',
      accountId: h.accountId,
      selection: { bucket: 'source', keys: ['keep/me.txt'], prefixes: [] },
      target: { bucket: 'no-such-bucket-here', prefix: '' },
      // Chosen up front, so the copy itself is what fails (not the look for name clashes).
      conflict: 'overwrite',
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
    const job = await h.runJob({
      kind: 'move',
      accountId: h.accountId,
      selection: { bucket: 'source', keys: [], prefixes: ['old/'] },
      target: { bucket: 'source', prefix: '' },
      newName: 'new',
    })
    expect(job).toMatchObject({ state: 'done', done: 3 })
    expect((await h.listAll('source', 'new/', { recursive: true })).keys.sort()).toEqual([
      'new/',
      'new/a.txt',
      'new/sub/b.txt',
    ])
    expect(await read('source', 'new/sub/b.txt')).toBe('old/sub/b.txt')
    expect((await h.listAll('source', 'old/', { recursive: true })).keys).toEqual([])
  })

  it('refuses to move a folder into itself, before any request', async () => {
    const error = await h.failureOf('jobs.start', {
      kind: 'move',
      accountId: h.accountId,
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
    const estimate = await h.call('objects.estimate', {
      accountId: h.accountId,
      operation: 'delete',
      selection: { bucket: 'source', keys: [], prefixes: ['big/'] },
    })
    expect(estimate).toEqual({ objects: 2500, bytes: 2500, requests: 6, seconds: 0.1 })
    h.bed.emulator.clearLog()
    const job = await h.runJob({
      kind: 'delete',
      accountId: h.accountId,
      selection: { bucket: 'source', keys: [], prefixes: ['big/'] },
    })
    expect(job).toMatchObject({ state: 'done', done: 2500, total: 2500, failureCount: 0 })
    const log = h.bed.emulator.log()
    const deletes = log.filter((entry) => entry.method === 'POST' && 'delete' in entry.query)
    expect(deletes).toHaveLength(3)
    expect(log.filter((entry) => entry.method === 'DELETE')).toHaveLength(0)
    expect((await h.listAll('source', 'big/', { recursive: true })).keys).toEqual([])
  })
})

describe('estimates', () => {
  it('counts picked objects with their sizes beside the contents of picked folders', async () => {
    await put('source', 'sized/big.bin', new Uint8Array(3 * 1024 * 1024))
    await put('source', 'sized/small.txt', '12345')
    await put('source', 'sized/unpicked.txt', 'not counted')
    await put('source', 'sized/inner/a.txt', 'abc')
    await put('source', 'sized/inner/deeper/b.txt', 'abcd')
    h.bed.emulator.clearLog()
    const estimate = await h.call('objects.estimate', {
      accountId: h.accountId,
      operation: 'delete',
      selection: {
        bucket: 'source',
        keys: ['sized/big.bin', 'sized/small.txt'],
        prefixes: ['sized/inner/'],
      },
    })
    // One listing of sized/ for the picked keys' sizes, one of sized/inner/, one DeleteObjects.
    expect(estimate).toMatchObject({ objects: 4, bytes: 3 * 1024 * 1024 + 5 + 3 + 4, requests: 3 })
    expect(h.bed.emulator.log().filter((entry) => entry.method === 'HEAD')).toEqual([])
  })
})

describe('name clashes on paste, copy, move and rename', () => {
  const paste = (conflict?: 'overwrite' | 'skip' | 'keep-both') => ({
    kind: 'copy' as const,
    accountId: h.accountId,
    selection: { bucket: 'source', keys: ['pasted/hello.txt'], prefixes: [] },
    target: { bucket: 'target', prefix: 'clash/' },
    ...(conflict ? { conflict } : {}),
  })

  beforeAll(async () => {
    await put('source', 'pasted/hello.txt', '20 bytes of hello!!!')
    await put('target', 'clash/hello.txt', '10 bytes!!')
    await put('target', 'clash/other.txt', 'other')
  })

  it('refuses a paste onto an existing key without a choice, and changes nothing', async () => {
    h.bed.emulator.clearLog()
    expect(await h.call('jobs.clashes', paste())).toEqual({ existing: ['clash/hello.txt'] })
    expect(await h.failureOf('jobs.start', paste())).toEqual({
      code: 'NAME_CLASH',
      message:
        'An object with this name exists in the target: "clash/hello.txt". Choose whether to replace, skip or keep both.',
    })
    expect(await read('target', 'clash/hello.txt')).toBe('10 bytes!!')
    const log = h.bed.emulator.log()
    expect(log.filter((entry) => entry.method !== 'GET')).toEqual([])
    expect(h.bed.emulator.log().filter((entry) => entry.method === 'HEAD')).toEqual([])
  })

  it('skips, keeps both as "name (1)", or replaces, as chosen', async () => {
    expect(await h.runJob(paste('skip'))).toMatchObject({ state: 'done', failureCount: 0 })
    expect(await read('target', 'clash/hello.txt')).toBe('10 bytes!!')

    expect(await h.runJob(paste('keep-both'))).toMatchObject({ state: 'done', failureCount: 0 })
    expect(await read('target', 'clash/hello.txt')).toBe('10 bytes!!')
    expect(await read('target', 'clash/hello (1).txt')).toBe('20 bytes of hello!!!')

    expect(await h.runJob(paste('overwrite'))).toMatchObject({ state: 'done', failureCount: 0 })
    expect(await read('target', 'clash/hello.txt')).toBe('20 bytes of hello!!!')
    expect((await h.listAll('target', 'clash/')).keys).toEqual([
      'clash/hello (1).txt',
      'clash/hello.txt',
      'clash/other.txt',
    ])
  })

  it('refuses a rename onto an existing name without a choice; keeps the source', async () => {
    const rename = {
      kind: 'move' as const,
      accountId: h.accountId,
      selection: { bucket: 'target', keys: ['clash/other.txt'], prefixes: [] },
      target: { bucket: 'target', prefix: 'clash/' },
      newName: 'hello.txt',
    }
    expect(await h.failureOf('jobs.start', rename)).toMatchObject({ code: 'NAME_CLASH' })
    expect(await read('target', 'clash/other.txt')).toBe('other')
    expect(await read('target', 'clash/hello.txt')).toBe('20 bytes of hello!!!')
  })
})
