/** Drag-out's fetch to a temporary file, through the emulator (the Electron drag itself is shell). */
import { randomBytes } from 'node:crypto'
import { lstat, readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DRAG_PREPARE_MAX_KEYS } from '../../../shared/contract'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import type { Connection } from '../accounts'
import { createDragOut, type DragLookup, type DragOut } from './drag-out'
import { openTransferBed, closeTransferBed, connectionTo } from './transfer-testing.test-fixture'

let bed: TestBed
let direct: S3Client
let connection: Connection
let work: string
let dragOut: DragOut

beforeAll(async () => {
  ;({ bed, direct, work } = await openTransferBed('drag', 'drag'))
  connection = connectionTo(bed)
  dragOut = createDragOut({
    connection: async () => connection,
    folder: path.join(work, 'drag'),
    maxBytes: 1024 * 1024,
  })
})

afterAll(() => closeTransferBed({ connection, direct, bed, work }))

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

describe('the drag cache', () => {
  let cache: DragOut
  beforeAll(() => {
    cache = createDragOut({
      connection: async () => connection,
      folder: path.join(work, 'cache'),
      maxBytes: 1024 * 1024,
      settleMs: 0,
    })
  })
  afterAll(() => cache.dispose())

  const ref = (key: string) => ({ accountId: 'x', bucket: 'drag', key })
  /** Looks until the fetch has an answer; a drag in the app asks exactly this, synchronously. */
  const settled = async (key: string): Promise<DragLookup> => {
    let found: DragLookup = cache.lookup(ref(key))
    await vi.waitFor(
      () => {
        found = cache.lookup(ref(key))
        expect(found.state).not.toBe('fetching')
      },
      { timeout: 10_000 },
    )
    return found
  }

  it('fetches the selected objects ahead, so a drag finds the file ready', async () => {
    const body = randomBytes(50_000)
    await put('sel/one.txt', body)
    await put('sel/two.txt', body.subarray(0, 100))
    bed.emulator.clearLog()
    cache.follow([ref('sel/one.txt'), ref('sel/two.txt')])
    // Fetched without any drag asking: both GETs happen once the selection rests.
    await vi.waitFor(() => expect(bed.emulator.log()).toHaveLength(2), { timeout: 10_000 })
    const one = await settled('sel/one.txt')
    expect(one.state).toBe('ready')
    expect(await readFile((one as { file: string }).file)).toEqual(body)
    const two = await settled('sel/two.txt')
    expect(await readFile((two as { file: string }).file)).toEqual(body.subarray(0, 100))
    // Looking again costs nothing: the same file, no new request.
    expect(cache.lookup(ref('sel/one.txt'))).toEqual(one)
    expect(bed.emulator.log()).toHaveLength(2)
  })

  it('says an object dragged without being selected is being fetched, then has it', async () => {
    await put('sel/unselected.txt', randomBytes(10))
    expect(cache.lookup(ref('sel/unselected.txt'))).toEqual({
      state: 'fetching',
      message: '"unselected.txt" is still being fetched for dragging; drag it again in a moment.',
    })
    expect((await settled('sel/unselected.txt')).state).toBe('ready')
  })

  it('refuses a file over the limit with a word about Download, once, then asks again', async () => {
    await put('sel/big.bin', randomBytes(1024 * 1024 + 1))
    cache.follow([ref('sel/big.bin')])
    expect(await settled('sel/big.bin')).toEqual({
      state: 'refused',
      message: '"big.bin" is 1 MiB: drag files up to 1 MiB out, or use Download.',
    })
    // Said once: the next drag starts over (a failure may have been passing).
    expect(cache.lookup(ref('sel/big.bin')).state).toBe('fetching')
    expect((await settled('sel/big.bin')).state).toBe('refused')
  })

  it('refuses a folder at once, without a request', () => {
    bed.emulator.clearLog()
    expect(cache.lookup(ref('sel/'))).toEqual({
      state: 'refused',
      message: 'Folders cannot be dragged out; use Download.',
    })
    expect(bed.emulator.log()).toHaveLength(0)
  })

  it('forgets what left the selection, and fetches only the first few of a large one', async () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `many/${name}.txt`)
    for (const key of keys) await put(key, randomBytes(10))
    cache.follow([ref('sel/one.txt')])
    expect((await settled('sel/one.txt')).state).toBe('ready')
    bed.emulator.clearLog()
    cache.follow(keys.map(ref))
    const first = keys.slice(0, DRAG_PREPARE_MAX_KEYS)
    for (const key of first) expect((await settled(key)).state).toBe('ready')
    expect(bed.emulator.log()).toHaveLength(DRAG_PREPARE_MAX_KEYS)
    // The rest of the selection was not fetched, and sel/one.txt, which left it, is forgotten:
    // a drag of either starts a fetch.
    expect(cache.lookup(ref('many/f.txt')).state).toBe('fetching')
    expect(cache.lookup(ref('sel/one.txt')).state).toBe('fetching')
  })
})
