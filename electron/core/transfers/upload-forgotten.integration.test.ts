/**
 * Issue 9 §5(a): multipart uploads the server no longer knows (aborted behind the app's back
 * with the upload id from the journal, or expired; RGW then answers 404 NoSuchUpload) start over
 * cleanly from part 1 and say so; and a journal record the server would refuse is not continued.
 */
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../../e2e/testbed/request-log'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { Core } from '../core'
import { JOURNAL_FILE, type JournalPart, type UploadRecord } from './journal'
import {
  journaledWith,
  md5Of,
  md5OfFile,
  MIB,
  quiet,
  readUploadRecords,
  saveAccount,
  startTransferCore,
  transferOf,
  uploadFile,
  waitForTransfers,
  writeRandomFile,
  type Caller,
  openTransferBed,
  closeTransferBed,
} from './transfer-testing.test-fixture'

const BUCKET = 'forgotten'
const PART = 5 * MIB

let bed: TestBed
let direct: S3Client
let work: string
let dataDir: string
let accountId: string
let core: Core | null = null
let call: Caller

const startCore = async (): Promise<void> => {
  ;({ core, call } = startTransferCore(dataDir))
  await call('transfers.settings', { partSize: PART, partsInFlight: 2 })
}

beforeAll(async () => {
  ;({ bed, direct, work, dataDir } = await openTransferBed(BUCKET, 'upload-forgotten'))
  await startCore()
  accountId = await saveAccount(call, bed)
})

afterAll(() => closeTransferBed({ core, direct, bed, work }))

const stored = async (key: string): Promise<{ md5: string; size: number }> => {
  const answer = await direct.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
  const bytes = await (answer.Body?.transformToByteArray() ?? Promise.resolve(new Uint8Array()))
  return { md5: md5Of(bytes), size: bytes.length }
}

const creates = (log: readonly RequestLogEntry[]) =>
  log.filter((entry) => entry.method === 'POST' && 'uploads' in entry.query)

/** The part numbers that arrived (200) for each upload id other than `old`. */
const newParts = (log: readonly RequestLogEntry[], key: string, old: string) => {
  const puts = log.filter(
    (entry) =>
      entry.method === 'PUT' &&
      entry.path === `/${BUCKET}/${key}` &&
      entry.query.uploadId !== undefined &&
      entry.query.uploadId !== old,
  )
  return {
    uploadIds: new Set(puts.map((entry) => entry.query.uploadId)),
    numbers: puts.filter((entry) => entry.status === 200).map((entry) => entry.query.partNumber),
  }
}

/**
 * Starts an upload on the server directly and sends `numbers` of the file's parts, as an earlier
 * run of the app would have: what its journal would hold about them.
 */
const sendParts = async (
  key: string,
  file: string,
  partSize: number,
  numbers: readonly number[],
): Promise<{ uploadId: string; parts: JournalPart[] }> => {
  const { UploadId: uploadId } = await direct.send(
    new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }),
  )
  if (!uploadId) throw new Error('no upload id')
  const bytes = await readFile(file)
  const parts: JournalPart[] = []
  for (const number of numbers) {
    const body = bytes.subarray((number - 1) * partSize, number * partSize)
    const { ETag } = await direct.send(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: key,
        UploadId: uploadId,
        PartNumber: number,
        Body: body,
      }),
    )
    parts.push({ number, etag: ETag ?? '', md5: md5Of(body) })
  }
  return { uploadId, parts }
}

/** Quits the app, leaves this journal as the one an earlier run wrote, and starts it again. */
const restartWithJournal = async (records: readonly UploadRecord[]): Promise<void> => {
  await core?.dispose()
  core = null
  await writeFile(
    path.join(dataDir, JOURNAL_FILE),
    JSON.stringify({ version: 1, transfers: records }),
  )
  await startCore()
}

const recordFor = async (
  key: string,
  file: string,
  upload: { uploadId: string; parts: JournalPart[] },
  partSize: number,
): Promise<UploadRecord> => {
  const info = await stat(file)
  return {
    kind: 'upload',
    id: `journal-${key}`,
    batchId: `batch-${key}`,
    accountId,
    bucket: BUCKET,
    key,
    name: key,
    path: file,
    stagedId: null,
    size: info.size,
    mtimeMs: info.mtimeMs,
    contentType: 'application/octet-stream',
    uploadId: upload.uploadId,
    partSize,
    parts: upload.parts,
  }
}

const resumeRestored = async (key: string) => {
  const restored = transferOf(await call('transfers.list', {}), key)
  expect(restored.state).toBe('paused')
  bed.emulator.clearLog()
  await call('transfers.resume', { id: restored.id })
  return transferOf(await waitForTransfers(call), key)
}

describe('multipart uploads the server no longer knows', () => {
  it('aborted behind the app’s back while paused: starts over from part 1 and says so', async () => {
    const key = 'paused.bin'
    const file = path.join(work, key)
    await writeRandomFile(file, 8 * PART + 1000)
    // Slow every request down so the pause lands in the middle of the upload.
    bed.emulator.setFaults({ latencyMs: 250 })
    await uploadFile(call, accountId, BUCKET, file, key)
    await journaledWith(dataDir, key, 2)
    const { id } = transferOf(await call('transfers.list', {}), key)
    await call('transfers.pause', { id })
    await waitForTransfers(call, (list) => transferOf(list, key).state === 'paused')
    bed.emulator.setFaults({})
    await quiet(() => bed.emulator.log())
    const [before] = (await readUploadRecords(dataDir)).filter((record) => record.key === key)
    if (!before) throw new Error('no journal record')
    expect(before.parts.length).toBeGreaterThanOrEqual(2)
    expect(before.parts.length).toBeLessThan(9)

    // Someone (another tool, a lifecycle rule) aborts it with the id from our journal.
    await direct.send(
      new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: before.uploadId }),
    )
    bed.emulator.clearLog()
    await call('transfers.resume', { id })
    const done = transferOf(await waitForTransfers(call), key)
    expect(done).toMatchObject({ state: 'done', error: null, bytesDone: 8 * PART + 1000 })
    expect(done.note).toMatch(/no longer had the earlier upload .* sent again from the beginning/)

    const log = bed.emulator.log()
    // The server's NoSuchUpload for the old id, then (and only then) a new upload.
    const old = log.filter((entry) => entry.query.uploadId === before.uploadId)
    expect(old.length).toBeGreaterThan(0)
    expect(old.every((entry) => entry.method === 'PUT' && entry.status === 404)).toBe(true)
    expect(creates(log)).toHaveLength(1)
    const created = log.indexOf(creates(log)[0] as RequestLogEntry)
    expect(log.findLastIndex((entry) => entry.query.uploadId === before.uploadId)).toBeLessThan(
      created,
    )
    // One new upload, from part 1: the old journal parts were not reused.
    const fresh = newParts(log, key, before.uploadId)
    expect(fresh.uploadIds.size).toBe(1)
    expect(fresh.numbers.map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(await stored(key)).toEqual({ md5: await md5OfFile(file), size: 8 * PART + 1000 })
    expect(await readUploadRecords(dataDir)).toEqual([])
  }, 90_000)

  it('forgotten with every part sent, while an older object of the same size is there', async () => {
    const key = 'replaced.bin'
    const file = path.join(work, key)
    await writeRandomFile(file, 2 * PART + 77)
    // The object being replaced: other bytes, the same size.
    const older = Buffer.alloc(2 * PART + 77, 1)
    await direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: older }))
    const upload = await sendParts(key, file, PART, [1, 2, 3])
    await direct.send(
      new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: upload.uploadId }),
    )
    await restartWithJournal([await recordFor(key, file, upload, PART)])

    // RGW answers the completion with 500 InternalError (S3 would say NoSuchUpload); the last
    // part sent again gets NoSuchUpload, and the object there is not this upload's: start over.
    const done = await resumeRestored(key)
    expect(done).toMatchObject({ state: 'done', error: null })
    expect(done.note).toMatch(/no longer had the earlier upload/)
    const log = bed.emulator.log()
    const old = log.filter((entry) => entry.query.uploadId === upload.uploadId)
    expect(old.filter((entry) => entry.method === 'POST').length).toBeGreaterThan(0)
    expect(old.at(-1)).toMatchObject({ method: 'PUT', query: { partNumber: '3' }, status: 404 })
    expect(old.filter((entry) => entry.status < 400)).toEqual([])
    expect(creates(log)).toHaveLength(1)
    expect(log.indexOf(creates(log)[0] as RequestLogEntry)).toBeGreaterThan(
      log.indexOf(old.at(-1) as RequestLogEntry),
    )
    expect(await stored(key)).toEqual({ md5: await md5OfFile(file), size: 2 * PART + 77 })
  }, 60_000)

  it('a journal record with parts under 5 MiB is aborted and started again, not continued', async () => {
    const key = 'small-parts.bin'
    const file = path.join(work, key)
    await writeRandomFile(file, 3 * MIB + 5)
    // An earlier version (or a hand edit) recorded 1 MiB parts: RGW would say EntityTooSmall.
    const upload = await sendParts(key, file, MIB, [1, 2])
    await restartWithJournal([await recordFor(key, file, upload, MIB)])

    const done = await resumeRestored(key)
    expect(done).toMatchObject({ state: 'done', error: null })
    expect(done.note).toMatch(/part size the server would refuse/)
    const log = bed.emulator.log()
    expect(
      log.filter((entry) => entry.query.uploadId === upload.uploadId).map((e) => e.method),
    ).toEqual(['DELETE'])
    expect(log.filter((entry) => entry.status >= 400)).toEqual([])
    const fresh = newParts(log, key, upload.uploadId)
    expect(fresh.numbers).toEqual(['1'])
    expect(await stored(key)).toEqual({ md5: await md5OfFile(file), size: 3 * MIB + 5 })
  }, 60_000)
})
