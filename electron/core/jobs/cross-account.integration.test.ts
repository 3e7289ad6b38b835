/**
 * Paste into another account (issue 14 §7): two accounts, each its own RGW user behind its own
 * emulator, so each side's requests are counted by its own gateway. A copy reads through one and
 * writes through the other, headers and metadata along; a large object goes in parts; a move
 * deletes its sources only once their copies are verified; names that exist ask first.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBed, type TestBed } from '../../../e2e/testbed/test-bed'
import { startHarness, type Harness } from '../testing/core-harness'
import { directClientOf } from '../testing/transfer-core'
import { ACROSS_PART_BYTES } from './cross-account-copy'

let h: Harness
let other: TestBed
let otherAccount: string
const big = randomBytes(ACROSS_PART_BYTES * 2 + 1234)

beforeAll(async () => {
  h = await startHarness({ buckets: ['from'], prefix: 'across' })
  other = await startTestBed({ buckets: ['dest'] })
  otherAccount = (
    await h.call('accounts.save', {
      draft: h.draft({
        name: 'Other',
        endpoint: other.endpoint,
        accessKeyId: other.accessKeyId,
        secretAccessKey: other.secretAccessKey,
        caFile: other.caFile,
      }),
    })
  ).id
  const put = (Key: string, Body: Buffer | string, extra = {}) =>
    h.direct.send(new PutObjectCommand({ Bucket: 'from', Key, Body, ...extra }))
  await put('docs/a.txt', 'alpha', {
    ContentType: 'text/plain; charset=utf-8',
    Metadata: { author: 'ann' },
  })
  await put('docs/empty.txt', '')
  await put('docs/deep/big.bin', big)
  await put('move/m.txt', 'to be moved')
})

afterAll(async () => {
  await h?.stop()
  await other?.stop()
})

const otherClient = () => directClientOf(other)

const read = async (Key: string): Promise<Buffer> => {
  const client = otherClient()
  try {
    const answer = await client.send(new GetObjectCommand({ Bucket: 'dest', Key }))
    return Buffer.from((await answer.Body?.transformToByteArray()) ?? new Uint8Array())
  } finally {
    client.destroy()
  }
}

const copyRequest = (kind: 'copy' | 'move', prefixes: string[], conflict?: 'keep-both') => ({
  kind,
  accountId: h.accountId,
  selection: { bucket: 'from', keys: [], prefixes },
  target: { bucket: 'dest', prefix: 'in/', accountId: otherAccount },
  ...(conflict ? { conflict } : {}),
})

describe('pasting into another account', () => {
  it('copies a folder: every object, its headers and metadata, a large one in parts', async () => {
    const job = await h.runJob(copyRequest('copy', ['docs/']))
    expect(job).toMatchObject({ state: 'done', failureCount: 0 })
    expect((await read('in/docs/a.txt')).toString()).toBe('alpha')
    expect((await read('in/docs/empty.txt')).length).toBe(0)
    expect((await read('in/docs/deep/big.bin')).equals(big)).toBe(true)
    const client = otherClient()
    const head = await client.send(new HeadObjectCommand({ Bucket: 'dest', Key: 'in/docs/a.txt' }))
    client.destroy()
    expect(head.ContentType).toBe('text/plain; charset=utf-8')
    expect(head.Metadata).toEqual({ author: 'ann' })
    // The writes went through the other account's gateway: three parts for the large object
    // (the emulator logs paths without their query).
    const writes = other.emulator.log().filter((entry) => entry.method === 'PUT')
    expect(writes.filter((entry) => entry.path === '/dest/in/docs/deep/big.bin')).toHaveLength(3)
    expect(h.bed.emulator.log().some((entry) => entry.method === 'PUT')).toBe(false)
  })

  it('asks before writing onto names that exist there, and keeps both when told', async () => {
    const error = await h.failureOf('jobs.start', copyRequest('copy', ['docs/']))
    expect(error.code).toBe('NAME_CLASH')
    const clashes = await h.call('jobs.clashes', copyRequest('copy', ['docs/']))
    expect([...clashes.existing].sort()).toEqual([
      'in/docs/a.txt',
      'in/docs/deep/big.bin',
      'in/docs/empty.txt',
    ])
    const job = await h.runJob(copyRequest('copy', ['docs/'], 'keep-both'))
    expect(job).toMatchObject({ state: 'done', failureCount: 0 })
    expect((await read('in/docs/a (1).txt')).toString()).toBe('alpha')
  })

  it('moves: the source goes once its copy is verified', async () => {
    const job = await h.runJob(copyRequest('move', ['move/']))
    expect(job).toMatchObject({ state: 'done', failureCount: 0 })
    expect((await read('in/move/m.txt')).toString()).toBe('to be moved')
    expect((await h.listAll('from', 'move/', { recursive: true })).keys).toEqual([])
  })
})
