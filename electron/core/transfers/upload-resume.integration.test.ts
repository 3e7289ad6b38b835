/**
 * Uploads that survive a crash, and uploads that are given up cleanly: a process SIGKILLed in the
 * middle of a multipart upload is resumed by the next core from its journal, sending again only
 * the parts that were in flight (counted in the emulator's log); cancel aborts the multipart
 * upload on the server; a file that changes is caught.
 */
import { spawn } from 'node:child_process'
import { appendFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../../e2e/testbed/request-log'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { Core } from '../core'
import { JOURNAL_FILE } from './journal'
import {
  md5Of,
  md5OfFile,
  journaledWith as journaledAt,
  MIB,
  quiet as quietLog,
  readUploadRecords,
  saveAccount,
  transferOf,
  until,
  uploadFile,
  waitForTransfers,
  writeRandomFile,
  type Caller,
  startTransferCore,
  openTransferBed,
  closeTransferBed,
} from './transfer-testing.test-fixture'

const here = path.dirname(fileURLToPath(import.meta.url))
const PART = 5 * MIB
/** The crashing upload's parts in flight. */
const PARTS_IN_FLIGHT = 1

let bed: TestBed
let direct: S3Client
let work: string
let dataDir: string
let accountId: string
/** The core of the current "run" of the app. */
let core: Core | null = null
let call: Caller

const RETRY = { attempts: 4, baseDelayMs: 50, maxDelayMs: 500 }

const startCore = (): void => {
  ;({ core, call } = startTransferCore(dataDir, RETRY))
}

/** Earlier downloads, paused, in a data folder's journal: a long queue, as a user's may be. */
const LONG_QUEUE = 10_000
const writeLongQueue = async (dir: string, account: string): Promise<void> => {
  const transfers = Array.from({ length: LONG_QUEUE }, (_, index) => ({
    kind: 'download',
    id: `earlier-${index}`,
    batchId: 'earlier',
    accountId: account,
    bucket: 'resume',
    key: `earlier/file-${index}.bin`,
    localPath: path.join(work, 'earlier', `file-${index}.bin`),
    etag: '"0123456789abcdef0123456789abcdef"',
    size: 1024,
  }))
  await writeFile(path.join(dir, JOURNAL_FILE), JSON.stringify({ version: 1, transfers }))
}

const readJournal = (dir = dataDir) => readUploadRecords(dir)

const journaledWith = (key: string, parts: number) => journaledAt(dataDir, key, parts)

/** Resolves once stray requests are over. */
const quiet = () => quietLog(() => bed.emulator.log())

const objectMd5 = async (key: string): Promise<string> => {
  const answer = await direct.send(new GetObjectCommand({ Bucket: 'resume', Key: key }))
  return md5Of(await (answer.Body?.transformToByteArray() ?? Promise.resolve(new Uint8Array())))
}

const partsSent = (log: readonly RequestLogEntry[], uploadId: string): string[] =>
  log
    .filter((entry) => entry.method === 'PUT' && entry.query.uploadId === uploadId)
    .filter((entry) => entry.status === 200)
    .map((entry) => entry.query.partNumber ?? '')

beforeAll(async () => {
  ;({ bed, direct, work, dataDir } = await openTransferBed('resume', 'upload-resume'))
  startCore()
  accountId = await saveAccount(call, bed)
  await call('transfers.settings', { partSize: PART, partsInFlight: 2 })
})

afterAll(() => closeTransferBed({ core, direct, bed, work }))

describe('multipart uploads after a crash', () => {
  it('after SIGKILL, sends again only the parts that were in flight', async () => {
    // A data folder of its own, whose journal holds a long queue of earlier transfers (as a
    // user's may): rewriting all of it for each part would be slow, and late.
    const crashDir = path.join(work, 'crash-data')
    const setup = startTransferCore(crashDir, RETRY)
    const crashAccount = await saveAccount(setup.call, bed)
    await setup.core.dispose()
    await writeLongQueue(crashDir, crashAccount)
    const file = path.join(work, 'crash.bin')
    await writeRandomFile(file, 12 * PART)
    bed.emulator.clearLog()
    // One part in flight: the next part goes only once the one before was acknowledged, so as a
    // part arrives, every part acknowledged before it must already be in the journal on disk.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'upload-child.test-fixture.ts'),
        crashDir,
        crashAccount,
        'resume',
        'crash.bin',
        file,
        String(PART),
        String(PARTS_IN_FLIGHT),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
    )
    let childErrors = ''
    child.stderr.on('data', (chunk: Buffer) => (childErrors += chunk.toString()))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    // The kill lands as the third part's request arrives: the first two were acknowledged, so
    // they must be on disk already; the third is the one in flight.
    const kill = new Promise<{ uploadId: string; inFlight: string[] }>((resolve) => {
      const stop = bed.emulator.onArrival(({ method, query }) => {
        const { uploadId, partNumber } = query
        if (method !== 'PUT' || !uploadId || !partNumber) return
        if (partsSent(bed.emulator.log(), uploadId).length < 2) return
        child.kill('SIGKILL')
        stop()
        resolve({ uploadId, inFlight: [partNumber] })
      })
    })
    const early = exited.then(() => {
      throw new Error(`the child ended before the kill: ${childErrors}`)
    })
    early.catch(() => undefined)
    const killed = await Promise.race([kill, early])
    await exited
    // Parts the dead process had half sent may still reach the server: let them drain.
    await quiet()
    const acknowledged = partsSent(bed.emulator.log(), killed.uploadId)
    const [before] = await readJournal(crashDir)
    if (!before) throw new Error('no journal record')
    const arrived = before.parts.map((part) => String(part.number))
    expect(arrived.length).toBeLessThan(12)

    bed.emulator.clearLog()
    const resumed = startTransferCore(crashDir, RETRY)
    try {
      const restored = transferOf(await resumed.call('transfers.list', {}), 'crash.bin')
      expect(restored).toMatchObject({
        state: 'paused',
        kind: 'upload',
        bytesDone: arrived.length * PART,
        bytesTotal: 12 * PART,
      })
      await resumed.call('transfers.resume', { id: restored.id })
      const done = transferOf(await waitForTransfers(resumed.call), 'crash.bin')
      expect(done).toMatchObject({ state: 'done', error: null })
    } finally {
      await resumed.core.dispose()
    }

    const log = bed.emulator.log()
    const resent = partsSent(log, before.uploadId)
    const acknowledgedAgain = resent.filter((number) => acknowledged.includes(number))
    console.log(
      `[resume] acknowledged before the kill: ${acknowledged.join(',')}; in flight: ${killed.inFlight.join(',')}; journaled: ${arrived.join(',')}; sent after: ${resent.join(',')}`,
    )
    // The count from the emulator's log: of the parts the server had acknowledged, only those
    // in flight at the kill may go again — at most the parts in flight.
    expect(acknowledgedAgain.filter((number) => !killed.inFlight.includes(number))).toEqual([])
    expect(acknowledgedAgain.length).toBeLessThanOrEqual(PARTS_IN_FLIGHT)
    // Not one journaled part went again; together they are all twelve.
    expect(resent.filter((number) => arrived.includes(number))).toEqual([])
    expect(new Set([...arrived, ...resent]).size).toBe(12)
    // The same upload was continued: no new one was created.
    expect(log.filter((entry) => entry.method === 'POST' && 'uploads' in entry.query)).toEqual([])
    expect(await objectMd5('crash.bin')).toBe(await md5OfFile(file))
    expect(await readJournal(crashDir)).toEqual([])
  }, 120_000)

  it('cancelling a multipart upload aborts it on the server (AbortMultipartUpload)', async () => {
    const file = path.join(work, 'cancel.bin')
    await writeRandomFile(file, 8 * PART)
    bed.emulator.setFaults({ latencyMs: 250 })
    bed.emulator.clearLog()
    await uploadFile(call, accountId, 'resume', file, 'cancel.bin')
    const record = await journaledWith('cancel.bin', 1)
    const { id } = transferOf(await call('transfers.list', {}), 'cancel.bin')
    await call('transfers.cancel', { id })
    bed.emulator.setFaults({})
    await until(async () => ((await readJournal()).length === 0 ? true : null))
    expect(transferOf(await call('transfers.list', {}), 'cancel.bin').state).toBe('cancelled')
    const aborts = bed.emulator
      .log()
      .filter((entry) => entry.method === 'DELETE' && entry.query.uploadId === record.uploadId)
    expect(aborts.map((entry) => entry.status)).toContain(204)
    const listed = await call('objects.list', { accountId, bucket: 'resume', prefix: '' })
    expect(listed.objects.map((object) => object.key)).not.toContain('cancel.bin')
  }, 60_000)

  it('a file that changes mid-upload fails with FILE_CHANGED; retry aborts the old upload and sends the new file', async () => {
    const file = path.join(work, 'changing.bin')
    await writeRandomFile(file, 6 * PART)
    bed.emulator.setFaults({ latencyMs: 250 })
    bed.emulator.clearLog()
    await uploadFile(call, accountId, 'resume', file, 'changing.bin')
    const first = await journaledWith('changing.bin', 1)
    await appendFile(file, 'more bytes')
    const failed = transferOf(
      await waitForTransfers(call, (list) => transferOf(list, 'changing.bin').state === 'failed'),
      'changing.bin',
    )
    expect(failed.error?.code).toBe('FILE_CHANGED')
    // Nothing was completed, so nothing in the bucket was replaced.
    expect(
      bed.emulator.log().filter((entry) => entry.method === 'POST' && entry.query.uploadId),
    ).toEqual([])
    bed.emulator.setFaults({})

    await call('transfers.retry', { id: failed.id })
    const done = transferOf(await waitForTransfers(call), 'changing.bin')
    expect(done.state).toBe('done')
    expect(done.note).toMatch(/changed since this upload started/)
    const log = bed.emulator.log()
    expect(
      log.filter((entry) => entry.method === 'DELETE' && entry.query.uploadId === first.uploadId),
    ).not.toEqual([])
    expect(await objectMd5('changing.bin')).toBe(await md5OfFile(file))
  }, 60_000)

  it('quitting pauses an upload for the next start, where "abort orphans" aborts it', async () => {
    const file = path.join(work, 'orphan.bin')
    await writeRandomFile(file, 6 * PART)
    bed.emulator.setFaults({ latencyMs: 250 })
    await uploadFile(call, accountId, 'resume', file, 'orphan.bin')
    const record = await journaledWith('orphan.bin', 1)
    await core?.dispose()
    bed.emulator.setFaults({})
    await quiet()
    bed.emulator.clearLog()
    startCore()
    expect(transferOf(await call('transfers.list', {}), 'orphan.bin').state).toBe('paused')
    expect(await call('transfers.abortOrphans', {})).toEqual({ aborted: 1, failed: 0 })
    expect(transferOf(await call('transfers.list', {}), 'orphan.bin').state).toBe('cancelled')
    expect(
      bed.emulator
        .log()
        .filter((entry) => entry.method === 'DELETE' && entry.query.uploadId === record.uploadId)
        .map((entry) => entry.status),
    ).toEqual([204])
    expect((await readJournal()).map((entry) => entry.key)).not.toContain('orphan.bin')
  }, 60_000)

  it('a file that is gone fails with FILE_MISSING', async () => {
    await call('transfers.upload', {
      accountId,
      bucket: 'resume',
      prefix: '',
      files: [
        { source: { kind: 'path', path: path.join(work, 'nowhere.bin') }, relativeKey: 'gone' },
      ],
      folders: [],
      conflict: 'overwrite',
    })
    const failed = transferOf(await waitForTransfers(call), 'gone')
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'FILE_MISSING' } })
  })
})
