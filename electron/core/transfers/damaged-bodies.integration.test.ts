/**
 * Issue 9 §5(d): upload bodies damaged on their way (the emulator's `corruptRate` flips a byte)
 * are refused by RGW for their Content-MD5 (400 BadDigest; a small body sent whole, whose SHA-256
 * is signed, gets XAmzContentSHA256Mismatch) and sent again by the one retry layer; when every
 * attempt is damaged, the transfer fails with a plain message.
 */
import path from 'node:path'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../../e2e/testbed/request-log'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { TransfersList } from '../../../shared/transfers'
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

/**
 * Patient: the first test's first phase (below) may use up a few attempts of each request, and
 * at a 25 % chance per attempt the rest must then all fail for a transfer to (falsely) fail.
 */
const RETRY = { attempts: 12, baseDelayMs: 100, maxDelayMs: 1000 }

/** Sent whole (≤ 1 MiB: a Buffer, its SHA-256 signed), streamed whole, and in 5 MiB parts. */
const FILES = { 'small.bin': 200 * 1024, 'medium.bin': 3 * MIB, 'large.bin': 4 * 5 * MIB + 123 }
type Name = keyof typeof FILES

let bed: TestBed
let direct: S3Client
let core: Core
let call: Caller
let accountId: string
let work: string

beforeAll(async () => {
  ;({ bed, direct, work } = await openTransferBed('damaged', 'damaged'))
  ;({ core, call } = startTransferCore(path.join(work, 'data'), RETRY))
  accountId = await saveAccount(call, bed)
  await call('transfers.settings', { partSize: 5 * MIB })
  for (const [name, size] of Object.entries(FILES))
    await writeRandomFile(path.join(work, name), size)
})

afterAll(() => closeTransferBed({ core, direct, bed, work }))

const upload = (prefix: string) =>
  call('transfers.upload', {
    accountId,
    bucket: 'damaged',
    prefix,
    files: Object.keys(FILES).map((name) => ({
      source: { kind: 'path' as const, path: path.join(work, name) },
      relativeKey: name,
    })),
    folders: [],
    conflict: 'overwrite',
  })

/** PUTs of a key: parts (with a part number) or the single PutObject. */
const putsOf = (log: readonly RequestLogEntry[], key: string) =>
  log.filter((entry) => entry.method === 'PUT' && entry.path === `/damaged/${key}`)

const objectMd5 = async (key: string): Promise<string> => {
  const answer = await direct.send(new GetObjectCommand({ Bucket: 'damaged', Key: key }))
  return md5Of(await (answer.Body?.transformToByteArray() ?? Promise.resolve(new Uint8Array())))
}

describe('bodies damaged on the way', () => {
  it('are refused for their checksum and sent again until they arrive intact', async () => {
    // Phase 1: every body is damaged until each kind of PUT has been refused once, so the log
    // is sure to show it; phase 2: some bodies are, at random, for the rest of the uploads.
    bed.emulator.setFaults({ corruptRate: 1 })
    bed.emulator.clearLog()
    await upload('some/')
    const refused = (log: readonly RequestLogEntry[], name: Name, part: boolean) =>
      putsOf(log, `some/${name}`).filter(
        (entry) => entry.status === 400 && (entry.query.partNumber !== undefined) === part,
      )
    const eachRefused = () => {
      const log = bed.emulator.log()
      return (
        refused(log, 'small.bin', false).length > 0 &&
        refused(log, 'medium.bin', false).length > 0 &&
        refused(log, 'large.bin', true).length > 0
      )
    }
    await expect.poll(eachRefused, { timeout: 30_000, interval: 20 }).toBe(true)
    bed.emulator.setFaults({ corruptRate: 0.25 })
    const list = await waitForTransfers(call)
    bed.emulator.setFaults({})

    for (const name of Object.keys(FILES) as Name[]) {
      expect(transferOf(list, `some/${name}`)).toMatchObject({ state: 'done', error: null })
      expect(await objectMd5(`some/${name}`), name).toBe(await md5OfFile(path.join(work, name)))
    }
    const log = bed.emulator.log()
    // Every damaged body was refused (none stored), and each refused one went again.
    const damaged = log.filter((entry) => entry.fault === 'corrupt')
    expect(damaged.length).toBeGreaterThanOrEqual(3)
    expect(damaged.every((entry) => entry.status === 400)).toBe(true)
    const parts = putsOf(log, 'some/large.bin').filter((entry) => entry.query.partNumber)
    const stored = parts.filter((entry) => entry.status === 200)
    expect(new Set(stored.map((entry) => entry.query.partNumber))).toEqual(
      new Set(['1', '2', '3', '4', '5']),
    )
    // No part but the last is under 5 MiB (and the server never said EntityTooSmall).
    expect(
      stored.filter((entry) => entry.bytesIn < 5 * MIB).map((entry) => entry.query.partNumber),
    ).toEqual(['5'])
    expect(log.filter((entry) => entry.status === 400 && entry.fault !== 'corrupt')).toEqual([])
  }, 90_000)

  it('fail with a plain message when every attempt is damaged, after one retry loop', async () => {
    bed.emulator.setFaults({ corruptRate: 1 })
    bed.emulator.clearLog()
    await upload('all/')
    const list: TransfersList = await waitForTransfers(call)
    bed.emulator.setFaults({})
    for (const name of Object.keys(FILES) as Name[]) {
      const failed = transferOf(list, `all/${name}`)
      expect(failed.state, name).toBe('failed')
      expect(failed.error?.code).toBe('CHECKSUM_MISMATCH')
      expect(failed.error?.message).toMatch(
        new RegExp(`^"all/${name}" arrived at 127\\.0\\.0\\.1:\\d+ damaged .* Sending it again`),
      )
      expect(failed.error?.message).not.toMatch(/UnknownError|BadDigest|XAmz|\$metadata|Error:/)
    }
    // Each single PUT went exactly `attempts` times: our retries, none of the SDK's under them.
    const log = bed.emulator.log()
    for (const name of ['small.bin', 'medium.bin'] as const) {
      const attempts = putsOf(log, `all/${name}`)
      expect(attempts.map((entry) => entry.status)).toEqual(Array(RETRY.attempts).fill(400))
    }
  }, 90_000)
})
