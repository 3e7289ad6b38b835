/**
 * Issue 12: a sync run survives kill -9. `npm run sync -- <pair>` (the real entry, as a child
 * process) is SIGKILLed in the middle of a run; started again, it resumes: no file that had been
 * stored is sent again, the multipart upload continues under its upload id, and both sides end
 * equal. The exit code and the one-line summary are what a scheduler sees.
 */
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../../e2e/testbed/request-log'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { Connection } from '../accounts'
import {
  closeTransferBed,
  connectionTo,
  MIB,
  openTransferBed,
  quiet,
  saveAccount,
  startTransferCore,
  writeRandomFile,
} from '../transfers/transfer-testing.test-fixture'
import { localState, remoteState, sorted } from './sync-tree.test-fixture'

const here = path.dirname(fileURLToPath(import.meta.url))
const CLI = path.join(here, '..', '..', 'cli', 'sync-main.ts')
const BUCKET = 'sync-resume'
const SMALL_FILES = 40

let bed: TestBed
let direct: S3Client
let connection: Connection
let work: string
let dataDir: string
let local: string

beforeAll(async () => {
  ;({ bed, direct, work, dataDir } = await openTransferBed(BUCKET, 'sync-resume'))
  connection = connectionTo(bed)
  local = path.join(work, 'local')
  await mkdir(local, { recursive: true })
  for (let i = 0; i < SMALL_FILES; i += 1) {
    await writeFile(path.join(local, `small-${String(i).padStart(2, '0')}.txt`), `file ${i}\n`)
  }
  await writeRandomFile(path.join(local, 'a-big.bin'), 40 * MIB)
  // The app's set-up: an account at 10 requests a second (so the run takes a while), 5 MiB parts
  // one at a time, and the pair.
  const setup = startTransferCore(dataDir)
  const accountId = await saveAccount(setup.call, bed, 10)
  await setup.call('transfers.settings', { partSize: 5 * MIB, partsInFlight: 1 })
  await setup.call('sync.pairs.save', {
    draft: {
      name: 'Crash test',
      accountId,
      bucket: BUCKET,
      prefix: 'up/',
      localPath: local,
      direction: 'upload',
    },
  })
  await setup.core.dispose()
}, 120_000)

afterAll(() => closeTransferBed({ direct, connection, bed, work }))

const startCli = (args: readonly string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, DSS_EXPLORER_DATA_DIR: dataDir }
  // The file secret store the set-up used, not a desktop keychain this machine may have.
  delete env.DBUS_SESSION_BUS_ADDRESS
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, exited, output: () => output }
}

/** Keys stored by a single PUT (200) in a log, and multipart parts acknowledged, by upload id. */
const stored = (log: readonly RequestLogEntry[]) => ({
  singles: log
    .filter((entry) => entry.method === 'PUT' && !entry.query.uploadId && entry.status === 200)
    .map((entry) => entry.path),
  parts: log
    .filter((entry) => entry.method === 'PUT' && entry.query.uploadId && entry.status === 200)
    .map((entry) => `${entry.query.uploadId}#${entry.query.partNumber}`),
  creates: log.filter((entry) => entry.method === 'POST' && 'uploads' in entry.query).length,
})

it('exits 64 naming no pair it knows', async () => {
  const run = startCli(['No such pair'])
  expect(await run.exited).toBe(64)
  expect(run.output()).toContain('There is no sync pair named "No such pair"')
}, 60_000)

it('resumes after kill -9 and sends no finished file again', async () => {
  bed.emulator.clearLog()
  const first = startCli(['Crash test'])
  // The kill lands once a few small files and three parts of the big one are stored.
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      const sent = stored(bed.emulator.log())
      if (sent.singles.length >= 5 && sent.parts.length >= 3) {
        clearInterval(timer)
        first.child.kill('SIGKILL')
        resolve()
      }
    }, 20)
    void first.exited.then(() => {
      clearInterval(timer)
      reject(new Error(`the run ended before the kill: ${first.output()}`))
    })
  })
  await first.exited
  await quiet(() => bed.emulator.log())
  const before = stored(bed.emulator.log())
  expect(before.singles.length).toBeLessThan(SMALL_FILES)

  bed.emulator.clearLog()
  const second = startCli(['Crash test'])
  expect(await second.exited, second.output()).toBe(0)
  expect(second.output()).toContain('Crash test: resuming the run that was interrupted.')
  expect(second.output()).toMatch(/^Crash test: .*uploaded.* requests, [\d.]+ s\.$/m)
  const after = stored(bed.emulator.log())
  console.log(
    `[sync resume] before the kill: ${before.singles.length} files, ${before.parts.length} parts; after: ${after.singles.length} files, ${after.parts.length} parts`,
  )
  // No file stored before the kill went again; the big one continued its upload (no new one),
  // sending again at most the one part that was in flight.
  expect(after.singles.filter((key) => before.singles.includes(key))).toEqual([])
  expect(after.creates).toBe(0)
  expect(after.parts.filter((part) => before.parts.includes(part)).length).toBeLessThanOrEqual(1)
  expect(after.singles.length + before.singles.length).toBe(SMALL_FILES)

  const there = await remoteState(direct, connection, BUCKET, 'up/')
  expect(sorted(there)).toEqual(sorted(await localState(local)))

  // In step now: a third run sends listings only and exits 0.
  bed.emulator.clearLog()
  const third = startCli(['Crash test'])
  expect(await third.exited, third.output()).toBe(0)
  expect(third.output()).toContain('Already in step')
  expect(bed.emulator.log().every((entry) => entry.query['list-type'] === '2')).toBe(true)
}, 300_000)

it('exits 2 when a guard stops the run, and --yes confirms it', async () => {
  const few = path.join(work, 'few')
  await mkdir(few, { recursive: true })
  await writeFile(path.join(few, 'small-00.txt'), 'file 0\n')
  const setup = startTransferCore(dataDir)
  const account = (await setup.call('accounts.list', {})).find((a) => a.name === 'Transfers')
  await setup.call('sync.pairs.save', {
    draft: {
      name: 'Mirror few',
      accountId: account?.id as string,
      bucket: BUCKET,
      prefix: 'up/',
      localPath: few,
      direction: 'mirror-up',
    },
  })
  await setup.core.dispose()
  bed.emulator.clearLog()
  const stopped = startCli(['Mirror few'])
  expect(await stopped.exited, stopped.output()).toBe(2)
  expect(stopped.output()).toMatch(/^Mirror few: stopped, nothing changed\. This run would delete/m)
  expect(bed.emulator.log().every((entry) => entry.method === 'GET')).toBe(true)

  const confirmed = startCli(['Mirror few', '--yes'])
  expect(await confirmed.exited, confirmed.output()).toBe(0)
  expect(confirmed.output()).toMatch(/^Mirror few: .*deleted/m)
  const there = await remoteState(direct, connection, BUCKET, 'up/')
  expect(sorted(there)).toEqual(sorted(await localState(few)))
}, 300_000)
