/**
 * Transfers still waiting in the queue when the app quits come back after a restart, paused,
 * and finish when resumed; once finished, nothing of them is left to come back.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { Core } from '../core'
import {
  md5Of,
  md5OfFile,
  saveAccount,
  waitForTransfers,
  type Caller,
  startTransferCore,
  openTransferBed,
  closeTransferBed,
} from './transfer-testing.test-fixture'

const COUNT = 6

let bed: TestBed
let direct: S3Client
let work: string
let dataDir: string
let accountId: string
let core: Core | null = null
let call: Caller

const startCore = (): void => {
  ;({ core, call } = startTransferCore(dataDir))
}

const restart = async (): Promise<void> => {
  await core?.dispose()
  startCore()
}

beforeAll(async () => {
  ;({ bed, direct, work, dataDir } = await openTransferBed('queued', 'queued'))
  startCore()
  accountId = await saveAccount(call, bed)
  await call('transfers.settings', { filesInFlight: 1 })
})

afterAll(() => closeTransferBed({ core, direct, bed, work }))

/** Quits while the first transfer runs slowly and the others wait; starts again. */
const quitWhileQueued = async (queue: () => Promise<unknown>): Promise<void> => {
  bed.emulator.setFaults({ latencyMs: 400 })
  try {
    await queue()
    const list = await call('transfers.list', {})
    expect(list.totals.counts.queued).toBeGreaterThanOrEqual(COUNT - 1)
    await restart()
  } finally {
    bed.emulator.setFaults({})
  }
}

describe('queued transfers across a restart', () => {
  it('uploads that had not started come back paused and finish when resumed', async () => {
    const folder = path.join(work, 'up')
    await mkdir(folder)
    const files = await Promise.all(
      Array.from({ length: COUNT }, async (_, index) => {
        const file = path.join(folder, `file-${index}.bin`)
        await writeFile(file, randomBytes(64 * 1024))
        return file
      }),
    )
    await quitWhileQueued(() =>
      call('transfers.upload', {
        accountId,
        bucket: 'queued',
        prefix: 'up/',
        files: files.map((file) => ({
          source: { kind: 'path', path: file },
          relativeKey: path.basename(file),
        })),
        folders: [],
        conflict: 'overwrite',
      }),
    )

    const restored = await call('transfers.list', {})
    expect(restored.transfers).toHaveLength(COUNT)
    expect(restored.transfers.every((transfer) => transfer.state === 'paused')).toBe(true)
    expect(
      restored.transfers.filter((transfer) =>
        /Waiting when the app closed/.test(transfer.note ?? ''),
      ).length,
    ).toBeGreaterThanOrEqual(COUNT - 1)

    bed.emulator.clearLog()
    await call('transfers.resumeAll', {})
    const done = await waitForTransfers(call)
    expect(done.totals.counts.done).toBe(COUNT)
    // Small files: one PutObject each, as before the restart (never a multipart upload).
    expect(bed.emulator.log().map((entry) => entry.method)).toEqual(Array(COUNT).fill('PUT'))
    for (const file of files) {
      const answer = await direct.send(
        new GetObjectCommand({ Bucket: 'queued', Key: `up/${path.basename(file)}` }),
      )
      const bytes = await answer.Body?.transformToByteArray()
      expect(md5Of(bytes ?? new Uint8Array())).toBe(await md5OfFile(file))
    }

    // Finished transfers leave nothing behind to come back a second time.
    await restart()
    expect((await call('transfers.list', {})).transfers).toEqual([])
  })

  it('downloads that had not started come back paused and finish when resumed', async () => {
    const bodies = new Map<string, Buffer>()
    for (let index = 0; index < COUNT; index += 1) {
      const body = randomBytes(64 * 1024)
      bodies.set(`down/file-${index}.bin`, body)
      await direct.send(
        new PutObjectCommand({ Bucket: 'queued', Key: `down/file-${index}.bin`, Body: body }),
      )
    }
    const destination = path.join(work, 'down')
    await quitWhileQueued(() =>
      call('transfers.download', {
        accountId,
        bucket: 'queued',
        keys: [],
        prefixes: ['down/'],
        destination,
      }),
    )

    const restored = await call('transfers.list', {})
    expect(restored.transfers).toHaveLength(COUNT)
    expect(restored.transfers.every((transfer) => transfer.state === 'paused')).toBe(true)

    await call('transfers.resumeAll', {})
    const done = await waitForTransfers(call)
    expect(done.totals.counts.done).toBe(COUNT)
    for (const [key, body] of bodies) {
      // Each at the path it was given before the restart, no " (1)" copies.
      expect(await readFile(path.join(destination, key))).toEqual(body)
    }
    await restart()
    expect((await call('transfers.list', {})).transfers).toEqual([])
  })
})
