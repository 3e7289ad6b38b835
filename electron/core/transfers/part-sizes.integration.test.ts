/**
 * Issue 9 §5(c): on RGW, which enforces S3's 5 MiB minimum at completion (EntityTooSmall), files
 * of edge sizes go up with every part but the last at least 5 MiB, read from what the emulator
 * received for each UploadPart, and nothing is refused.
 */
import path from 'node:path'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../../e2e/testbed/request-log'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { TransferSettings } from '../../../shared/transfers'
import type { Core } from '../core'
import {
  md5Of,
  md5OfFile,
  MIB,
  saveAccount,
  startTransferCore,
  transferOf,
  waitForTransfers,
  writeRandomFile,
  type Caller,
  openTransferBed,
  closeTransferBed,
} from './transfer-testing.test-fixture'

let bed: TestBed
let direct: S3Client
let core: Core
let call: Caller
let accountId: string
let work: string

beforeAll(async () => {
  ;({ bed, direct, work } = await openTransferBed('parts', 'part-sizes'))
  ;({ core, call } = startTransferCore(path.join(work, 'data')))
  accountId = await saveAccount(call, bed)
})

afterAll(() => closeTransferBed({ core, direct, bed, work }))

/** Uploads files of these sizes under these settings; resolves with the emulator's log. */
const uploadSizes = async (
  settings: Partial<TransferSettings>,
  sizes: Readonly<Record<string, number>>,
): Promise<RequestLogEntry[]> => {
  await call('transfers.settings', settings)
  for (const [name, size] of Object.entries(sizes)) {
    await writeRandomFile(path.join(work, name), size)
  }
  bed.emulator.clearLog()
  await call('transfers.upload', {
    accountId,
    bucket: 'parts',
    prefix: '',
    files: Object.keys(sizes).map((name) => ({
      source: { kind: 'path' as const, path: path.join(work, name) },
      relativeKey: name,
    })),
    folders: [],
    conflict: 'overwrite',
  })
  const list = await waitForTransfers(call)
  for (const name of Object.keys(sizes)) {
    expect(transferOf(list, name), name).toMatchObject({ state: 'done', error: null })
    const answer = await direct.send(new GetObjectCommand({ Bucket: 'parts', Key: name }))
    const stored = await (answer.Body?.transformToByteArray() ?? Promise.resolve(new Uint8Array()))
    expect(stored.length, name).toBe(sizes[name])
    expect(md5Of(stored), name).toBe(await md5OfFile(path.join(work, name)))
  }
  const log = bed.emulator.log()
  // Nothing refused: no EntityTooSmall (400) at completion, nor any other 4xx.
  expect(log.filter((entry) => entry.status >= 400)).toEqual([])
  return log
}

/** The sizes of the parts that reached the server for a key, by part number ([] if sent whole). */
const partsOf = (log: readonly RequestLogEntry[], key: string): number[] =>
  log
    .filter((entry) => entry.method === 'PUT' && entry.path === `/parts/${key}`)
    .filter((entry) => entry.query.partNumber !== undefined && entry.status === 200)
    .sort((a, b) => Number(a.query.partNumber) - Number(b.query.partNumber))
    .map((entry) => entry.bytesIn)

const FIVE = 5 * MIB

describe('part sizes on a server that enforces the 5 MiB minimum', () => {
  it('the smallest settings (5 MiB threshold and parts): edge sizes around a part', async () => {
    const log = await uploadSizes(
      { multipartThreshold: FIVE, partSize: FIVE },
      {
        'under.bin': FIVE - 1,
        'at.bin': FIVE,
        'over.bin': FIVE + 1,
        'two-and-a-byte.bin': 2 * FIVE + 1,
      },
    )
    expect(partsOf(log, 'under.bin')).toEqual([])
    expect(log.filter((entry) => entry.path === '/parts/under.bin')).toMatchObject([
      { method: 'PUT', bytesIn: FIVE - 1, status: 200 },
    ])
    expect(partsOf(log, 'at.bin')).toEqual([FIVE])
    expect(partsOf(log, 'over.bin')).toEqual([FIVE, 1])
    expect(partsOf(log, 'two-and-a-byte.bin')).toEqual([FIVE, FIVE, 1])
  }, 60_000)

  it('a part size that is no whole MiB, and the defaults: only the last part is short', async () => {
    const odd = FIVE + 1
    const oddLog = await uploadSizes(
      { multipartThreshold: FIVE, partSize: odd },
      { 'odd.bin': 2 * odd + 3 },
    )
    expect(partsOf(oddLog, 'odd.bin')).toEqual([odd, odd, 3])
    const defaultLog = await uploadSizes(
      { multipartThreshold: 16 * MIB, partSize: 16 * MIB },
      { 'default.bin': 16 * MIB + 1, 'below-default.bin': 16 * MIB - 1 },
    )
    expect(partsOf(defaultLog, 'default.bin')).toEqual([16 * MIB, 1])
    expect(partsOf(defaultLog, 'below-default.bin')).toEqual([])
  }, 60_000)
})
