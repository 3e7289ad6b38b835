/**
 * Uploads that survive a crash, and uploads that are given up cleanly: a process SIGKILLed in the
 * middle of a multipart upload is resumed by the next core from its journal, sending only the
 * missing parts; cancel aborts the multipart upload on the server; a file that changes is caught.
 */
import { spawn } from 'node:child_process'
import { appendFile, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../../e2e/testbed/request-log'
import { startTestBed, type TestBed } from '../../../e2e/testbed/test-bed'
import type { Core } from '../core'
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
  directClientOf,
  startTransferCore,
} from './transfer-testing.test-fixture'

const here = path.dirname(fileURLToPath(import.meta.url))
const PART = 5 * MIB

let bed: TestBed
let direct: S3Client
let work: string
let dataDir: string
let accountId: string
/** The core of the current "run" of the app. */
let core: Core | null = null
let call: Caller

const startCore = (): void => {
  ;({ core, call } = startTransferCore(dataDir, { attempts: 4, baseDelayMs: 50, maxDelayMs: 500 }))
}

const readJournal = () => readUploadRecords(dataDir)

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
  bed = await startTestBed({ buckets: ['resume'] })
  direct = directClientOf(bed)
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-upload-resume-'))
  dataDir = path.join(work, 'data')
  startCore()
  accountId = await saveAccount(call, bed)
  await call('transfers.settings', { partSize: PART, partsInFlight: 2 })
})

afterAll(async () => {
  await core?.dispose()
  direct.destroy()
  await bed.stop()
  await rm(work, { recursive: true, force: true })
})

describe('multipart uploads after a crash', () => {
  it('resumes after SIGKILL, sending only the parts that had not arrived', async () => {
    await core?.dispose()
    core = null
    const file = path.join(work, 'crash.bin')
    await writeRandomFile(file, 12 * PART)
    // Slow every request down so the kill lands in the middle of the upload.
    bed.emulator.setFaults({ latencyMs: 250 })
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'upload-child.test-fixture.ts'),
        dataDir,
        accountId,
        'resume',
        'crash.bin',
        file,
        String(PART),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
    )
    let childErrors = ''
    child.stderr.on('data', (chunk: Buffer) => (childErrors += chunk.toString()))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      await journaledWith('crash.bin', 3)
    } catch (error) {
      child.kill('SIGKILL')
      throw new Error(`the child never got going: ${childErrors}`, { cause: error })
    }
    child.kill('SIGKILL')
    await exited
    bed.emulator.setFaults({})
    // Parts the dead process had half sent still reach the server (the emulator holds each
    // request 250 ms). S3 would refuse such a truncated body; s3rver stores it, and a late one
    // could land after the resumed part. A restarted app is never that quick: let them drain.
    await quiet()
    const [before] = await readJournal()
    if (!before) throw new Error('no journal record')
    const arrived = before.parts.map((part) => String(part.number))
    expect(arrived.length).toBeGreaterThanOrEqual(3)
    expect(arrived.length).toBeLessThan(12)

    bed.emulator.clearLog()
    startCore()
    const restored = transferOf(await call('transfers.list', {}), 'crash.bin')
    expect(restored).toMatchObject({
      state: 'paused',
      kind: 'upload',
      bytesDone: arrived.length * PART,
      bytesTotal: 12 * PART,
    })
    await call('transfers.resume', { id: restored.id })
    const done = transferOf(await waitForTransfers(call), 'crash.bin')
    expect(done).toMatchObject({ state: 'done', error: null })

    const log = bed.emulator.log()
    const resent = partsSent(log, before.uploadId)
    console.log(
      `[resume] parts before the kill: ${arrived.join(',')}; sent after: ${resent.join(',')}`,
    )
    // Not one part that had arrived went again; together they are all twelve.
    expect(resent.filter((number) => arrived.includes(number))).toEqual([])
    expect(new Set([...arrived, ...resent]).size).toBe(12)
    // The same upload was continued: no new one was created.
    expect(log.filter((entry) => entry.method === 'POST' && 'uploads' in entry.query)).toEqual([])
    expect(await objectMd5('crash.bin')).toBe(await md5OfFile(file))
    expect(await readJournal()).toEqual([])
  }, 90_000)

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
