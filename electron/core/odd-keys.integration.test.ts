/**
 * Keys S3 allows but clients mangle (DSS.md §2, §8): they must survive list, rename and delete
 * exactly, byte for byte, through the gateway emulator and the real core.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createS3TestClient } from '../../e2e/testbed/s3-test-client'
import { startTestBed, type TestBed } from '../../e2e/testbed/test-bed'
import type { CommandName, CommandRequest, CommandResponse } from '../../shared/contract'
import type { JobSummary } from '../../shared/objects'
import { keyByteLength } from '../../shared/s3-keys'
import { createCore, type Core } from './core'

/** A 1,024-byte key whose path segments stay under the file system's 255-byte name limit. */
const longKey = (() => {
  const segment = 'x'.repeat(200)
  const key = `long/${[segment, segment, segment, segment].join('/')}/`
  return key + 'y'.repeat(1024 - keyByteLength(key))
})()

const oddKeys: Record<string, string> = {
  'plus, hash, question mark, ampersand, percent': 'odd/a+b #c ?d &e %20f.txt',
  'NFC unicode': 'odd/caf\u00e9.txt',
  'NFD unicode': 'odd/cafe\u0301.txt',
  'leading and trailing spaces': 'odd/ spaced name .txt',
  'spaces at both ends of the whole key': ' whole key spaced ',
  'only digits': '0001',
  'a 1,024-byte key': longKey,
}

let bed: TestBed
let core: Core
let direct: S3Client
let dataDir: string
let accountId: string
const jobs = new Map<string, JobSummary>()

const call = async <C extends CommandName>(
  name: C,
  request: CommandRequest<C>,
): Promise<CommandResponse<C>> => {
  const result = await core.dispatch(name, request, { trusted: true })
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  return result.value as CommandResponse<C>
}

const runJob = async (request: CommandRequest<'jobs.start'>): Promise<JobSummary> => {
  const { id } = await call('jobs.start', request)
  for (;;) {
    const job = jobs.get(id)
    if (job?.finishedAt) return job
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const listRecursive = async (prefix: string): Promise<string[]> => {
  const keys: string[] = []
  let continuationToken: string | null = null
  do {
    const page: CommandResponse<'objects.list'> = await call('objects.list', {
      accountId,
      bucket: 'keys',
      prefix,
      recursive: true,
      continuationToken,
    })
    keys.push(...page.objects.map((object) => object.key))
    continuationToken = page.nextToken
  } while (continuationToken)
  return keys
}

beforeAll(async () => {
  bed = await startTestBed({ buckets: ['keys'] })
  direct = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-keys-'))
  core = createCore({ dataDir, info: { version: 'test', shell: 'web', platform: 'linux' } })
  core.events.subscribe((name, payload) => {
    if (name === 'jobs.updated') jobs.set((payload as JobSummary).id, payload as JobSummary)
  })
  accountId = (
    await call('accounts.save', {
      draft: {
        name: 'keys',
        kind: 'custom',
        endpoint: bed.endpoint,
        accessKeyId: bed.accessKeyId,
        secretAccessKey: bed.secretAccessKey,
        caFile: bed.caFile,
      },
    })
  ).id
})

afterAll(async () => {
  direct.destroy()
  await core.dispose()
  await bed.stop()
  await rm(dataDir, { recursive: true, force: true })
})

describe.each(Object.entries(oddKeys))('a key with %s', (_label, key) => {
  it('is listed, renamed and deleted exactly as stored', async () => {
    await direct.send(new PutObjectCommand({ Bucket: 'keys', Key: key, Body: key }))
    expect(await listRecursive(key)).toEqual([key])

    const folder = key.slice(0, key.lastIndexOf('/') + 1)
    const name = key.slice(folder.length)
    // Same byte length, so the 1,024-byte key stays within the limit.
    const newName = `R${name.slice(1)}`
    const newKey = folder + newName
    const renamed = await runJob({
      kind: 'move',
      accountId,
      selection: { bucket: 'keys', keys: [key], prefixes: [] },
      target: { bucket: 'keys', prefix: folder },
      newName,
    })
    expect(renamed).toMatchObject({ state: 'done', failureCount: 0 })
    expect(await listRecursive(newKey)).toEqual([newKey])
    expect(await listRecursive(key)).toEqual([])

    const deleted = await runJob({
      kind: 'delete',
      accountId,
      selection: { bucket: 'keys', keys: [newKey], prefixes: [] },
    })
    expect(deleted).toMatchObject({ state: 'done', done: 1, failureCount: 0 })
    expect(await listRecursive(newKey)).toEqual([])
  })
})

describe('limits and the test server', () => {
  it('refuses a rename that would make a key longer than 1,024 bytes, before any request', async () => {
    const result = await core.dispatch(
      'jobs.start',
      {
        kind: 'move',
        accountId,
        selection: { bucket: 'keys', keys: [longKey], prefixes: [] },
        target: { bucket: 'keys', prefix: longKey.slice(0, longKey.lastIndexOf('/') + 1) },
        newName: `longer ${longKey.slice(longKey.lastIndexOf('/') + 1)}`,
      },
      { trusted: true },
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_KEY', message: expect.stringMatching(/1031 bytes/) },
    })
  })

  it('s3rver (the test server) cannot store a key with a "../" segment: it resolves it in its file store', async () => {
    // DSS, like S3, stores "odd/../x" literally. The client sends it literally (the gateway
    // emulator's log shows the raw path), but the test bed's s3rver files it as "x". Listing,
    // renaming and deleting such a key exactly can therefore not be shown on this server.
    bed.emulator.clearLog()
    const client = createS3TestClient({
      endpoint: bed.endpoint,
      caPem: bed.caPem,
      accessKeyId: bed.accessKeyId,
      secretAccessKey: bed.secretAccessKey,
    })
    await client.send(new PutObjectCommand({ Bucket: 'keys', Key: 'odd/../x', Body: 'z' }))
    client.destroy()
    expect(bed.emulator.log().map((entry) => entry.rawPath)).toEqual([
      expect.stringMatching(/^\/keys\/odd\/\.\.\/x\?/),
    ])
    expect(await listRecursive('odd/../')).toEqual([])
    expect(await listRecursive('x')).toEqual(['x'])
  })
})
