/**
 * Keys S3 allows but clients mangle (DSS.md §2, §8): they must survive list, rename, download and
 * delete exactly, byte for byte, through the gateway emulator and the real core, on RGW.
 */
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareKeys, keyByteLength } from '../../shared/s3-keys'
import { startHarness, type Harness } from './testing/core-harness'
import { waitForTransfers } from './transfers/transfer-testing.test-fixture'

/** A 1,024-byte key whose path segments stay under the file system's 255-byte name limit. */
const longKey = (() => {
  const segment = 'x'.repeat(200)
  const key = `long/${[segment, segment, segment, segment].join('/')}/`
  return key + 'y'.repeat(1024 - keyByteLength(key))
})()

const oddKeys: Record<string, string> = {
  'plus, hash, question mark, ampersand, percent': 'odd/a+b #c ?d &e %20f.txt',
  'NFC unicode': 'odd/caf\u00e9.txt',
  'NFD unicode': 'odd/cafe\u0301.txt',
  'leading and trailing spaces': 'odd/ spaced name .txt',
  'spaces at both ends of the whole key': ' whole key spaced ',
  'only digits': '0001',
  'a 1,024-byte key': longKey,
  // Issue 9, 5(e): names that sort around "/", and control characters (XML cannot carry them raw).
  'the name of a folder beside it': 'sib/dir',
  'a bang after a folder name': 'sib/dir!',
  'a dot after a folder name': 'sib/dir.',
  'a carriage return': 'ctl/x\ry',
  'a line feed': 'ctl/x\ny',
  'CR LF': 'ctl/x\r\ny',
  'a tab': 'ctl/x\ty',
  'U+0001': 'ctl/x\u0001y',
  DEL: 'ctl/x\u007fy',
  // 5(f): stored exactly as given, never resolved.
  'a "../" segment': 'odd/../x',
  'a leading "../../"': '../../etc/evil',
  'a leading slash': '/abs/leading',
  'an empty segment': 'a//b',
}

let h: Harness

/** Every key under a prefix, recursively. */
const listRecursive = async (prefix: string): Promise<string[]> =>
  (await h.listAll('keys', prefix, { recursive: true })).keys

beforeAll(async () => {
  h = await startHarness({ buckets: ['keys', 'all-keys'], prefix: 'keys' })
})

afterAll(() => h.stop())

describe.each(Object.entries(oddKeys))('a key with %s', (_label, key) => {
  it('is listed, renamed and deleted exactly as stored', async () => {
    await h.direct.send(new PutObjectCommand({ Bucket: 'keys', Key: key, Body: key }))
    expect(await listRecursive(key)).toEqual([key])

    const folder = key.slice(0, key.lastIndexOf('/') + 1)
    const name = key.slice(folder.length)
    // Same byte length, so the 1,024-byte key stays within the limit.
    const newName = `R${name.slice(1)}`
    const newKey = folder + newName
    const renamed = await h.runJob({
      kind: 'move',
      accountId: h.accountId,
      selection: { bucket: 'keys', keys: [key], prefixes: [] },
      target: { bucket: 'keys', prefix: folder },
      newName,
    })
    expect(renamed).toMatchObject({ state: 'done', failureCount: 0 })
    expect(await listRecursive(newKey)).toEqual([newKey])
    expect(await listRecursive(key)).toEqual([])

    const deleted = await h.runJob({
      kind: 'delete',
      accountId: h.accountId,
      selection: { bucket: 'keys', keys: [newKey], prefixes: [] },
    })
    expect(deleted).toMatchObject({ state: 'done', done: 1, failureCount: 0 })
    expect(await listRecursive(newKey)).toEqual([])
  })
})

describe('limits and the test server', () => {
  it('refuses a rename that would make a key longer than 1,024 bytes, before any request', async () => {
    const result = await h.core.dispatch(
      'jobs.start',
      {
        kind: 'move',
        accountId: h.accountId,
        selection: { bucket: 'keys', keys: [longKey], prefixes: [] },
        target: { bucket: 'keys', prefix: longKey.slice(0, longKey.lastIndexOf('/') + 1) },
        newName: `longer ${longKey.slice(longKey.lastIndexOf('/') + 1)}`,
      },
      { trusted: true },
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_KEY', message: expect.stringMatching(/1031 bytes/) },
    })
  })
})

/** Puts every odd key (and its folder-mates) once, for the listing and download tests. */
const putAll = async (bucket: string): Promise<string[]> => {
  // U+E000 and an emoji: UTF-16 order and S3's byte order disagree on these two.
  const keys = [
    ...Object.values(oddKeys),
    'sib/dir/file',
    'u/\u{1F600}',
    'u/\uE000',
    'u/\u{1F601}',
    '~%25',
    // Folders whose names the server must encode in its common prefixes.
    ...['p/50%/x', 'p/a+b c/x', 'p/ctl\u0001/x', 'p/%2F/x'],
  ]
  await Promise.all(
    keys.map((Key) => h.direct.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }))),
  )
  return keys.sort(compareKeys)
}

/** What a folder view of the odd keys shows, whichever listing call and page size gave it. */
const FOLDER_VIEWS: Readonly<Record<string, { keys: string[]; folders: string[] }>> = {
  '': {
    keys: [' whole key spaced ', '0001', '~%25'],
    folders: ['../', '/', 'a/', 'ctl/', 'long/', 'odd/', 'p/', 'sib/', 'u/'],
  },
  // A key and a folder of the same name side by side.
  'sib/': { keys: ['sib/dir', 'sib/dir!', 'sib/dir.'], folders: ['sib/dir/'] },
  // Empty segments are folders too.
  'a/': { keys: [], folders: ['a//'] },
  'a//': { keys: ['a//b'], folders: [] },
  '/': { keys: [], folders: ['/abs/'] },
  // Folder names the server must encode in its common prefixes.
  'p/': { keys: [], folders: ['p/%2F/', 'p/50%/', 'p/a+b c/', 'p/ctl\u0001/'] },
  'p/50%/': { keys: ['p/50%/x'], folders: [] },
  // A page ending on the two whose UTF-16 and byte orders differ continues after the right one.
  'u/': { keys: ['u/\uE000', 'u/\u{1F600}', 'u/\u{1F601}'], folders: [] },
}

describe('listing every odd key at once', () => {
  let keys: string[]
  beforeAll(async () => {
    keys = await putAll('all-keys')
  })

  it.each([1000, 7, 3, 2, 1])(
    'lists them byte-exact in S3 byte order, %i a page',
    async (maxKeys) => {
      const listed = await h.listAll('all-keys', '', { recursive: true, maxKeys })
      expect(listed.keys).toEqual(keys)
    },
  )

  it('asks for url-encoded listings, as awscli does', async () => {
    h.bed.emulator.clearLog()
    await h.listAll('all-keys', 'ctl/', { recursive: true })
    const lists = h.bed.emulator.log().filter((entry) => entry.query['list-type'] === '2')
    expect(lists.map((entry) => entry.query['encoding-type'])).toEqual(['url'])
  })

  it('shows keys and folders of each folder view as stored, empty segments as folders', async () => {
    for (const [prefix, view] of Object.entries(FOLDER_VIEWS)) {
      expect([prefix, await h.listAll('all-keys', prefix)]).toEqual([prefix, view])
    }
  })

  it('gives the same through ListObjects v1, page boundaries on folders included', async () => {
    h.bed.emulator.setFaults({ refuseListV2: true })
    try {
      const { id } = await h.call('accounts.save', { draft: h.draft({ name: 'v1 only' }) })
      for (const maxKeys of [1000, 3, 2, 1]) {
        const all = await h.listAll('all-keys', '', { recursive: true, maxKeys, accountId: id })
        expect(all.keys).toEqual(keys)
        for (const [prefix, view] of Object.entries(FOLDER_VIEWS)) {
          const listed = await h.listAll('all-keys', prefix, { maxKeys, accountId: id })
          expect([maxKeys, prefix, listed]).toEqual([maxKeys, prefix, view])
        }
      }
    } finally {
      h.bed.emulator.setFaults({})
    }
  })

  it('downloads every one of them inside the chosen folder, with its own bytes', async () => {
    const dest = await mkdtemp(path.join(os.tmpdir(), 'dss-odd-download-'))
    try {
      const top = await h.listAll('all-keys', '')
      await h.call('transfers.download', {
        accountId: h.accountId,
        bucket: 'all-keys',
        keys: top.keys,
        prefixes: top.folders,
        destination: dest,
      })
      const list = await waitForTransfers(h.call)
      expect(list.transfers.filter((t) => t.state !== 'done')).toEqual([])

      const contents: string[] = []
      for (const entry of await readdir(dest, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue
        const file = path.join(entry.parentPath, entry.name)
        expect(path.relative(dest, file).startsWith('..')).toBe(false)
        contents.push(await readFile(file, 'utf8'))
      }
      // Each file holds its key as written: every object arrived once, none outside `dest`.
      expect(contents.sort(compareKeys)).toEqual(keys)
    } finally {
      await rm(dest, { recursive: true, force: true })
    }
  })

  it('reads back each key with its own bytes, straight from the server', async () => {
    for (const Key of keys) {
      const got = await h.direct.send(new GetObjectCommand({ Bucket: 'all-keys', Key }))
      expect(await got.Body?.transformToString()).toBe(Key)
    }
  })
})
