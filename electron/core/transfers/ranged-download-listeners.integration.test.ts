/**
 * A download of many ranges, many more than are in flight, prints no MaxListenersExceededWarning:
 * a range waiting for its turn, and each request in flight, must not each leave a listener on
 * the download's one abort signal (Node warns past 10, as if they leaked).
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { Core } from '../core'
import {
  closeTransferBed,
  md5Of,
  md5OfFile,
  MIB,
  openTransferBed,
  saveAccount,
  startTransferCore,
  transferOf,
  waitForTransfers,
  type Caller,
} from './transfer-testing.test-fixture'

let bed: TestBed
let direct: S3Client
let work: string
let dataDir: string
let core: Core | null = null
let call: Caller
let accountId: string

beforeAll(async () => {
  ;({ bed, direct, work, dataDir } = await openTransferBed('many', 'ranged-listeners'))
  ;({ core, call } = startTransferCore(dataDir))
  accountId = await saveAccount(call, bed)
})

afterAll(() => closeTransferBed({ core, direct, bed, work }))

it('downloads 24 ranges, 12 in flight, with no listener warning', async () => {
  const body = randomBytes(24 * 5 * MIB)
  await direct.send(new PutObjectCommand({ Bucket: 'many', Key: 'many.bin', Body: body }))
  await call('transfers.settings', { partSize: 5 * MIB, partsInFlight: 12 })
  const warnings: string[] = []
  const onWarning = (warning: Error): void => void warnings.push(warning.name)
  process.on('warning', onWarning)
  try {
    const destination = path.join(work, 'out')
    await call('transfers.download', {
      accountId,
      bucket: 'many',
      keys: ['many.bin'],
      prefixes: [],
      destination,
    })
    expect(transferOf(await waitForTransfers(call), 'many.bin')).toMatchObject({ state: 'done' })
    expect(await md5OfFile(path.join(destination, 'many.bin'))).toBe(md5Of(body))
  } finally {
    process.off('warning', onWarning)
  }
  expect(warnings).not.toContain('MaxListenersExceededWarning')
  const ranges = bed.emulator.log().filter((entry) => entry.range !== undefined)
  expect(ranges.length).toBeGreaterThanOrEqual(24)
})
