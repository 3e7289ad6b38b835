/**
 * A new multipart upload hashes its parts ahead, off the main thread, beside the whole file's MD5
 * (upload-metadata.ts): each part's Content-MD5 is that hash, so the server checks the bytes it
 * gets against the file as it was hashed. A file rewritten in between — same size, same time,
 * which no stat can tell — is refused and reported as changed, and nothing is stored.
 */
import { mkdtemp, open, utimes } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBed, type TestBed } from '../../../e2e/testbed/test-bed'
import type { Connection } from '../accounts'
import { identify, type FileIdentity } from './file-source'
import { createJournal } from './journal'
import { uploadMultipart, type MultipartDeps } from './multipart-upload'
import { createPartSlots } from './part-slots'
import {
  MIB,
  closeTransferBed,
  connectionTo,
  multipartRecordOf,
  unwatchedContext,
  writeRandomFile,
} from './transfer-testing.test-fixture'
import { MD5_KEY, multipartStart } from './upload-metadata'

const PART = 5 * MIB

let bed: TestBed
let work: string
let connection: Connection

beforeAll(async () => {
  bed = await startTestBed({ buckets: ['ahead'] })
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-hashed-ahead-'))
  connection = connectionTo(bed)
})

afterAll(() => closeTransferBed({ connection, bed, work }))

const context = unwatchedContext()

const upload = async (
  name: string,
  start: MultipartDeps['start'],
  identity: FileIdentity,
): Promise<void> => {
  const journal = createJournal(path.join(work, `data-${name}`))
  await journal.load()
  await uploadMultipart(
    {
      connection,
      journal,
      slots: createPartSlots(2),
      step: { policy: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 }, signal: context.signal },
      context,
      start,
    },
    multipartRecordOf({ file: path.join(work, name), bucket: 'ahead', key: name }, identity, PART),
    identity,
  )
}

/** Part uploads the emulator saw, by part number. */
const partsSent = (): string[] =>
  bed.emulator
    .log()
    .filter((entry) => entry.method === 'PUT' && entry.query.partNumber)
    .map((entry) => entry.query.partNumber ?? '')

describe('parts hashed ahead', () => {
  it("upload with their MD5s and the whole file's in the metadata", async () => {
    const file = path.join(work, 'steady.bin')
    await writeRandomFile(file, 3 * PART + 123)
    const identity = await identify(file, 'steady.bin')
    const start = await multipartStart(file, identity.mtimeMs, PART)
    expect(start.partMd5s).toHaveLength(4)
    await upload('steady.bin', async () => start, identity)
    const head = await connection.client.send(
      new HeadObjectCommand({ Bucket: 'ahead', Key: 'steady.bin' }),
    )
    expect(head.Metadata?.[MD5_KEY]).toBe(start.metadata[MD5_KEY])
    expect(head.ContentLength).toBe(3 * PART + 123)
  })

  it('refuse a file rewritten after hashing with the same size and time, storing nothing', async () => {
    const file = path.join(work, 'rewritten.bin')
    await writeRandomFile(file, 3 * PART)
    // A whole second, so setting it back restores it exactly.
    const seconds = 1_700_000_000
    await utimes(file, seconds, seconds)
    const identity = await identify(file, 'rewritten.bin')
    bed.emulator.clearLog()
    const failure = await upload(
      'rewritten.bin',
      async (partSize) => {
        const start = await multipartStart(file, identity.mtimeMs, partSize)
        // Part 2 rewritten in place, and the time set back: only the bytes tell.
        const handle = await open(file, 'r+')
        await handle.write(Buffer.alloc(1024, 7), 0, 1024, PART + 10)
        await handle.close()
        await utimes(file, seconds, seconds)
        return start
      },
      identity,
    ).catch((error: unknown) => error)
    expect(failure).toMatchObject({
      code: 'FILE_CHANGED',
      message: expect.stringContaining('"rewritten.bin" changed while it was being uploaded'),
    })
    // Refused once, not sent again and again as if the network had damaged it.
    expect(partsSent().filter((number) => number === '2')).toHaveLength(1)
    await expect(
      connection.client.send(new HeadObjectCommand({ Bucket: 'ahead', Key: 'rewritten.bin' })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } })
  })
})
