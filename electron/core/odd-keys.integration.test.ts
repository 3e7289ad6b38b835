/**
 * Keys S3 allows but clients mangle (DSS.md §2, §8): they must survive list, rename and delete
 * exactly, byte for byte, through the gateway emulator and the real core.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createS3TestClient } from '../../e2e/testbed/s3-test-client'
import { keyByteLength } from '../../shared/s3-keys'
import { startHarness, type Harness } from './testing/core-harness'

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

let h: Harness

/** Every key under a prefix, recursively. */
const listRecursive = async (prefix: string): Promise<string[]> =>
  (await h.listAll('keys', prefix, { recursive: true })).keys

beforeAll(async () => {
  h = await startHarness({ buckets: ['keys'], prefix: 'keys' })
})

afterAll(() => h.stop())

describe.each(Object.entries(oddKeys))('a key with %s', (_label, key) => {
  it('is listed, renamed and deleted exactly as stored', async () => {
    await h.direct.send(new PutObjectCommand({ Bucket: 'keys', Key: key, Body: key }))
    expect(await listRecursive(key)).toEqual([key])

    const folder = key.slice(0, key.lastIndexOf('/') + 1)
    const name = key.slice(folder.length)
    // Same byte length, so the 1,024-byte key stays within the limit.
    const newName = `R${name.slice(1)}`
    const newKey = folder + newName
    const renamed = await h.runJob({
      kind: 'move',
      accountId: h.accountId,
      selection: { bucket: 'keys', keys: [key], prefixes: [] },
      target: { bucket: 'keys', prefix: folder },
      newName,
    })
    expect(renamed).toMatchObject({ state: 'done', failureCount: 0 })
    expect(await listRecursive(newKey)).toEqual([newKey])
    expect(await listRecursive(key)).toEqual([])

    const deleted = await h.runJob({
      kind: 'delete',
      accountId: h.accountId,
      selection: { bucket: 'keys', keys: [newKey], prefixes: [] },
    })
    expect(deleted).toMatchObject({ state: 'done', done: 1, failureCount: 0 })
    expect(await listRecursive(newKey)).toEqual([])
  })
})

describe('limits and the test server', () => {
  it('refuses a rename that would make a key longer than 1,024 bytes, before any request', async () => {
    const result = await h.core.dispatch(
      'jobs.start',
      {
        kind: 'move',
        accountId: h.accountId,
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
    h.bed.emulator.clearLog()
    const client = createS3TestClient({
      endpoint: h.bed.endpoint,
      caPem: h.bed.caPem,
      accessKeyId: h.bed.accessKeyId,
      secretAccessKey: h.bed.secretAccessKey,
    })
    await client.send(new PutObjectCommand({ Bucket: 'keys', Key: 'odd/../x', Body: 'z' }))
    client.destroy()
    expect(h.bed.emulator.log().map((entry) => entry.rawPath)).toEqual([
      expect.stringMatching(/^\/keys\/odd\/\.\.\/x\?/),
    ])
    expect(await listRecursive('odd/../')).toEqual([])
    expect(await listRecursive('x')).toEqual(['x'])
  })
})
