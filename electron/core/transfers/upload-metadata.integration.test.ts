/**
 * Issue 12 item 1: every upload carries `x-amz-meta-mtime` (the file's time in seconds, as rclone
 * writes it) and a multipart upload also `x-amz-meta-md5chksum` (base64 MD5 of the whole file),
 * on the requests it sends anyway: a single PUT stays one request, a multipart upload
 * create + parts + complete.
 */
import { stat, utimes } from 'node:fs/promises'
import path from 'node:path'
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { Core } from '../core'
import {
  closeTransferBed,
  md5OfFile,
  MIB,
  openTransferBed,
  saveAccount,
  startTransferCore,
  transferOf,
  waitForTransfers,
  writeRandomFile,
  type Caller,
} from './transfer-testing.test-fixture'

let bed: TestBed
let direct: S3Client
let core: Core
let call: Caller
let accountId: string
let work: string

beforeAll(async () => {
  ;({ bed, direct, work } = await openTransferBed('meta', 'upload-metadata'))
  ;({ core, call } = startTransferCore(path.join(work, 'data')))
  accountId = await saveAccount(call, bed)
})

afterAll(() => closeTransferBed({ core, direct, bed, work }))

it('writes mtime on every upload and the whole MD5 on a multipart one, at no extra request', async () => {
  const files = { 'small.bin': 100_000, 'large.bin': 20 * MIB }
  const when = new Date('2025-03-04T05:06:07.250Z')
  for (const [name, size] of Object.entries(files)) {
    await writeRandomFile(path.join(work, name), size)
    await utimes(path.join(work, name), when, when)
  }
  bed.emulator.clearLog()
  await call('transfers.upload', {
    accountId,
    bucket: 'meta',
    prefix: '',
    files: Object.keys(files).map((name) => ({
      source: { kind: 'path' as const, path: path.join(work, name) },
      relativeKey: name,
    })),
    folders: [],
    conflict: 'overwrite',
  })
  const list = await waitForTransfers(call)
  const sent = bed.emulator.log()
  for (const name of Object.keys(files)) {
    expect(transferOf(list, name)).toMatchObject({ state: 'done', error: null })
  }
  // 1 PUT; create + 2 parts + complete.
  expect(sent.filter((entry) => entry.path === '/meta/small.bin')).toHaveLength(1)
  expect(sent.filter((entry) => entry.path === '/meta/large.bin')).toHaveLength(4)

  const head = (key: string) => direct.send(new HeadObjectCommand({ Bucket: 'meta', Key: key }))
  const mtime = String((await stat(path.join(work, 'small.bin'))).mtimeMs / 1000)
  expect(Number(mtime)).toBeCloseTo(when.getTime() / 1000, 3)
  const small = await head('small.bin')
  expect(small.Metadata).toEqual({ mtime })
  const large = await head('large.bin')
  const md5 = Buffer.from(await md5OfFile(path.join(work, 'large.bin')), 'hex').toString('base64')
  expect(large.Metadata).toEqual({ mtime, md5chksum: md5 })
})
