/**
 * The local sandbox (patched s3rver, patches/) as its users meet it, through the real core: each
 * check leans on patches a sandbox user relies on. The sandbox is no test oracle for S3 — the
 * test bed (RGW) is — but what the app offers on it has to work there too.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_ACCOUNT_ID } from '../../../shared/accounts'
import type { CommandRequest } from '../../../shared/contract'
import type { JobSummary, ObjectEntry, ObjectPage } from '../../../shared/objects'
import { createCore, type Core } from '../core'
import { callerFor, type Caller } from '../testing/caller'
import { waitForTransfers } from '../transfers/transfer-testing.test-fixture'
import { DEMO_BUCKET } from './seed-demo'

const MIB = 1024 * 1024
let work: string
let core: Core
let call: Caller
const jobs = new Map<string, JobSummary>()

const runJob = async (request: CommandRequest<'jobs.start'>): Promise<JobSummary> => {
  const { id } = await call('jobs.start', request)
  for (;;) {
    const job = jobs.get(id)
    if (job?.finishedAt) return job
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Every object under a prefix, `maxKeys` a page. */
const list = async (prefix: string, maxKeys = 1000): Promise<ObjectEntry[]> => {
  const objects: ObjectEntry[] = []
  let continuationToken: string | null = null
  do {
    const page: ObjectPage = await call('objects.list', {
      accountId: SANDBOX_ACCOUNT_ID,
      bucket: DEMO_BUCKET,
      prefix,
      recursive: true,
      maxKeys,
      continuationToken,
    })
    objects.push(...page.objects)
    continuationToken = page.nextToken
  } while (continuationToken)
  return objects
}

const keysUnder = async (prefix: string, maxKeys?: number): Promise<string[]> =>
  (await list(prefix, maxKeys)).map((object) => object.key)

/** Uploads local files made from `files` (key → content) with the app's transfer queue. */
const upload = async (files: Record<string, string | Uint8Array>): Promise<void> => {
  const source = await mkdtemp(path.join(work, 'source-'))
  const entries = Object.entries(files)
  for (const [index, [, content]] of entries.entries()) {
    await writeFile(path.join(source, String(index)), content)
  }
  await call('transfers.upload', {
    accountId: SANDBOX_ACCOUNT_ID,
    bucket: DEMO_BUCKET,
    prefix: '',
    files: entries.map(([key], index) => ({
      source: { kind: 'path' as const, path: path.join(source, String(index)) },
      relativeKey: key,
    })),
    folders: [],
    conflict: 'overwrite',
  })
  const done = await waitForTransfers(call)
  expect(done.transfers.filter((transfer) => transfer.state !== 'done')).toEqual([])
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-sandbox-behaviour-'))
  await mkdir(path.join(work, 'data'))
  core = createCore({
    dataDir: path.join(work, 'data'),
    info: { version: 'test', shell: 'web', platform: 'linux' },
  })
  core.events.on('jobs.updated', (job) => jobs.set(job.id, job))
  call = callerFor(core)
  expect((await call('sandbox.start', {})).state).toBe('ready')
})

afterAll(async () => {
  await core.dispose()
  await rm(work, { recursive: true, force: true })
})

describe('the local sandbox, through the core', () => {
  it('pages with continuation tokens and keeps keys exact (&, digits, spaces)', async () => {
    const keys = ['t/ spaced ', 't/0001', 't/a & b.txt', 't/x']
    await upload(Object.fromEntries(keys.map((key) => [key, key])))
    expect(await keysUnder('t/', 1)).toEqual(keys)
  })

  it('renames and deletes keys with + # ? & and spaces', async () => {
    await upload({ 'r/a+b #c ?d &e.txt': 'odd' })
    const moved = await runJob({
      kind: 'move',
      accountId: SANDBOX_ACCOUNT_ID,
      selection: { bucket: DEMO_BUCKET, keys: ['r/a+b #c ?d &e.txt'], prefixes: [] },
      target: { bucket: DEMO_BUCKET, prefix: 'r/' },
      newName: 'renamed +#?&.txt',
    })
    expect(moved).toMatchObject({ state: 'done', failureCount: 0 })
    expect(await keysUnder('r/')).toEqual(['r/renamed +#?&.txt'])
    const deleted = await runJob({
      kind: 'delete',
      accountId: SANDBOX_ACCOUNT_ID,
      selection: {
        bucket: DEMO_BUCKET,
        keys: ['r/renamed +#?&.txt', 't/0001', 't/ spaced '],
        prefixes: [],
      },
    })
    expect(deleted).toMatchObject({ state: 'done', done: 3, failureCount: 0 })
    expect(await keysUnder('r/')).toEqual([])
    expect(await keysUnder('t/')).toEqual(['t/a & b.txt', 't/x'])
  })

  it('serves share links with a save-as name, and checks them with one byte', async () => {
    await upload({ 's/report.txt': 'hello sandbox', 's/empty.txt': '' })
    const [link] = await call('shares.download', {
      accountId: SANDBOX_ACCOUNT_ID,
      bucket: DEMO_BUCKET,
      keys: ['s/report.txt'],
      expiresInSeconds: 600,
      downloadName: "it's (1) *final*.txt",
    })
    if (!link) throw new Error('no link')
    const response = await fetch(link.url)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('hello sandbox')
    expect(response.headers.get('content-disposition')).toContain('attachment')
    expect(await call('shares.check', { id: link.id })).toMatchObject({ ok: true, status: 206 })
    const [empty] = await call('shares.download', {
      accountId: SANDBOX_ACCOUNT_ID,
      bucket: DEMO_BUCKET,
      keys: ['s/empty.txt'],
      expiresInSeconds: 600,
    })
    if (!empty) throw new Error('no link')
    expect(await call('shares.check', { id: empty.id })).toMatchObject({ ok: true, status: 416 })
  })

  it('gives an object uploaded in parts the S3 ETag, "-N"', async () => {
    await call('transfers.settings', { multipartThreshold: 5 * MIB, partSize: 5 * MIB })
    await upload({ 'm/two-parts.bin': new Uint8Array(6 * MIB) })
    const [object] = await list('m/')
    expect(object?.etag).toMatch(/^"[0-9a-f]{32}-2"$/)
  })
})
