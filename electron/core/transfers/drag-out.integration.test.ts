/** Drag-out's fetch to a temporary file, through the emulator (the Electron drag itself is shell). */
import { randomBytes } from 'node:crypto'
import { lstat, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createS3TestClient } from '../../../e2e/testbed/s3-test-client'
import { startTestBed, type TestBed } from '../../../e2e/testbed/test-bed'
import type { Connection } from '../accounts'
import { createRequestGovernor } from '../request-governor'
import { createRequestLog } from '../request-log'
import { createS3Client } from '../s3-client'
import { createDragOut, type DragOut } from './drag-out'

let bed: TestBed
let direct: S3Client
let connection: Connection
let work: string
let dragOut: DragOut

beforeAll(async () => {
  bed = await startTestBed({ buckets: ['drag'] })
  direct = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  const settings = {
    endpoint: bed.endpoint,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
    caPem: await readFile(bed.caFile, 'utf8'),
  }
  const governor = createRequestGovernor(100)
  const log = createRequestLog()
  connection = {
    client: createS3Client(settings, governor, log),
    governor,
    log,
    endpoint: bed.endpoint,
    settings,
  }
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-drag-'))
  dragOut = createDragOut({
    connection: async () => connection,
    folder: path.join(work, 'drag'),
    maxBytes: 1024 * 1024,
  })
})

afterAll(async () => {
  connection.client.destroy()
  direct.destroy()
  await bed.stop()
  await rm(work, { recursive: true, force: true })
})

const put = (key: string, body: Uint8Array) =>
  direct.send(new PutObjectCommand({ Bucket: 'drag', Key: key, Body: body }))

describe('drag out', () => {
  it('fetches the object to a file with its own safe name, in a folder of its own', async () => {
    const body = randomBytes(200_000)
    await put('photos/a:b?.jpg', body)
    await put('other/a:b?.jpg', body.subarray(0, 10))
    bed.emulator.clearLog()
    const first = await dragOut.prepare({ accountId: 'x', bucket: 'drag', key: 'photos/a:b?.jpg' })
    const second = await dragOut.prepare({ accountId: 'x', bucket: 'drag', key: 'other/a:b?.jpg' })
    expect(path.basename(first)).toBe('a_b_.jpg')
    expect(await readFile(first)).toEqual(body)
    expect(await readFile(second)).toEqual(body.subarray(0, 10))
    expect(path.dirname(first)).not.toBe(path.dirname(second))
    await put('empty.txt', new Uint8Array(0))
    const empty = await dragOut.prepare({ accountId: 'x', bucket: 'drag', key: 'empty.txt' })
    expect(await readFile(empty)).toEqual(Buffer.alloc(0))
    // One GET each, through the emulator (and so the account's request budget).
    expect(bed.emulator.log().map((entry) => entry.method)).toEqual(['GET', 'GET', 'GET'])
  })

  it('refuses folders and files over the limit, leaving nothing behind', async () => {
    await put('big.bin', randomBytes(1024 * 1024 + 1))
    await expect(
      dragOut.prepare({ accountId: 'x', bucket: 'drag', key: 'big.bin' }),
    ).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: '"big.bin" is 1 MiB: drag files up to 1 MiB out, or use Download.',
    })
    await expect(
      dragOut.prepare({ accountId: 'x', bucket: 'drag', key: 'photos/' }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/Folders/) })
    await expect(
      dragOut.prepare({ accountId: 'x', bucket: 'drag', key: 'missing.bin' }),
    ).rejects.toMatchObject({ code: 'NO_SUCH_KEY' })
    const left = await readdir(path.join(work, 'drag'))
    // Only the three folders of the first test, holding their finished files.
    expect(left).toHaveLength(3)
    await dragOut.dispose()
    expect(await lstat(path.join(work, 'drag')).catch(() => null)).toBeNull()
  })
})
