/**
 * An acknowledged part is on disk before its upload sends anything more: with the journal's write
 * of a part held back, the part manager sends no further part until that write is done (counted
 * in the gateway emulator, where the requests arrive).
 */
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBed, type TestBed } from '../../../e2e/testbed/test-bed'
import type { Connection } from '../accounts'
import { identify } from './file-source'
import { createJournal, readJournal, type Journal } from './journal'
import { uploadMultipart } from './multipart-upload'
import { createPartSlots } from './part-slots'
import {
  MIB,
  quiet,
  until,
  writeRandomFile,
  closeTransferBed,
  connectionTo,
  multipartRecordOf,
  unwatchedContext,
} from './transfer-testing.test-fixture'

const PART = 5 * MIB

let bed: TestBed
let work: string
let connection: Connection

beforeAll(async () => {
  bed = await startTestBed({ buckets: ['durable'] })
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-part-durability-'))
  connection = connectionTo(bed)
})

afterAll(() => closeTransferBed({ connection, bed, work }))

const context = unwatchedContext()

describe('an acknowledged part', () => {
  it('is recorded on disk before the next part of its upload is sent', async () => {
    const file = path.join(work, 'three-parts.bin')
    await writeRandomFile(file, 3 * PART)
    const dataDir = path.join(work, 'data')
    const journal = createJournal(dataDir)
    await journal.load()
    // The journal's write of each part waits until the test opens the gate.
    let opened = false
    let release = (): void => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const open = (): void => {
      opened = true
      release()
    }
    const recording: number[] = []
    const held: Journal = {
      ...journal,
      async addPart(record, part) {
        recording.push(part.number)
        await gate
        await journal.addPart(record, part)
      },
    }
    const sentWhileRecording: string[] = []
    const stop = bed.emulator.onArrival(({ method, query }) => {
      if (method === 'PUT' && query.partNumber && recording.length > 0 && !opened) {
        sentWhileRecording.push(query.partNumber)
      }
    })
    const identity = await identify(file, 'three-parts.bin')
    try {
      const uploading = uploadMultipart(
        {
          connection,
          journal: held,
          slots: createPartSlots(1),
          step: {
            policy: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
            signal: context.signal,
          },
          context,
        },
        {
          ...multipartRecordOf({ file, bucket: 'durable', key: 'three-parts.bin' }, identity, PART),
          id: 't',
        },
        identity,
      )
      // The first part was acknowledged and is being recorded; give an upload that would not
      // wait for that every chance to send its next part, then let the record be written.
      await until(async () => (recording.length > 0 ? true : null))
      await quiet(() => bed.emulator.log())
      expect(sentWhileRecording).toEqual([])
      expect(await readJournal(dataDir)).toMatchObject([{ id: 't', parts: [] }])
      open()
      await uploading
    } finally {
      open()
      stop()
    }
    expect(recording).toEqual([1, 2, 3])
    const parts = bed.emulator
      .log()
      .filter((entry) => entry.method === 'PUT' && entry.query.partNumber)
      .map((entry) => entry.query.partNumber)
    expect(parts).toEqual(['1', '2', '3'])
  })
})
