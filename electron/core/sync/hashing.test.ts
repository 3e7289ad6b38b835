import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SetAside } from '../atomic-file'
import { multipartEtag } from '../transfers/part-plan'
import { HASHES_FILE, loadHashCache } from './hash-cache'
import { createHasher } from './hash-worker'
import { loadManifest, manifestPath, saveManifest } from './manifest'

const MiB = 1024 ** 2
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex')

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sync-hashing-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('the hashing worker', () => {
  it('gives the MD5 and the multipart ETag S3 would give, for each part size, with progress', async () => {
    const bytes = randomBytes(12 * MiB + 123)
    const file = path.join(dir, 'twelve.bin')
    await writeFile(file, bytes)
    const hasher = createHasher(1)
    try {
      let reported = 0
      const hashes = await hasher.hash(file, [5 * MiB, 8 * MiB], (done) => (reported += done))
      expect(hashes.md5).toBe(md5(bytes))
      const partsOf = (size: number) =>
        Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
          md5(bytes.subarray(i * size, (i + 1) * size)),
        )
      expect(hashes.etags[String(5 * MiB)]).toBe(multipartEtag(partsOf(5 * MiB)))
      expect(hashes.etags[String(8 * MiB)]).toBe(multipartEtag(partsOf(8 * MiB)))
      expect(reported).toBe(bytes.length)
    } finally {
      await hasher.close()
    }
  })

  it('fails with the reason for a file that is not there', async () => {
    const hasher = createHasher(1)
    try {
      await expect(hasher.hash(path.join(dir, 'missing'), [])).rejects.toThrow(/ENOENT/)
    } finally {
      await hasher.close()
    }
  })
})

describe('the hash cache', () => {
  it('remembers hashes while size and time are unchanged, across a save', async () => {
    const data = path.join(dir, 'cache-data')
    const asides: SetAside[] = []
    const cache = await loadHashCache(data, (aside) => asides.push(aside))
    cache.put('/f', 10, 1000, { md5: 'a'.repeat(32), etags: { '5242880': 'x-1' } })
    expect(cache.get('/f', 10, 1000, [5242880])).toEqual({
      md5: 'a'.repeat(32),
      etags: { '5242880': 'x-1' },
    })
    expect(cache.get('/f', 10, 1001, [])).toBeNull()
    expect(cache.get('/f', 11, 1000, [])).toBeNull()
    // A part size it was not hashed for is not known.
    expect(cache.get('/f', 10, 1000, [8388608])).toBeNull()
    await cache.save()
    const again = await loadHashCache(data, (aside) => asides.push(aside))
    expect(again.get('/f', 10, 1000, [])?.md5).toBe('a'.repeat(32))
    expect(asides).toEqual([])
  })

  it('sets a damaged file aside and starts empty', async () => {
    const data = path.join(dir, 'cache-bad')
    await writeFile(
      path.join(await mkdirp(data), HASHES_FILE),
      '{"version":1,"files":{"/f":{"md5":"no"}}}',
    )
    const asides: SetAside[] = []
    const cache = await loadHashCache(data, (aside) => asides.push(aside))
    expect(cache.get('/f', 0, 0, [])).toBeNull()
    expect(asides).toHaveLength(1)
    expect((await readdir(data)).some((name) => name.startsWith(`${HASHES_FILE}.corrupt-`))).toBe(
      true,
    )
  })
})

describe('the manifest', () => {
  it('round-trips, and a damaged one is set aside (no manifest: nothing is deleted on its word)', async () => {
    const data = path.join(dir, 'manifest-data')
    const file = manifestPath(data, 'pair-1')
    const entry = { local: { size: 1, mtimeMs: 2 }, remote: { size: 1, etag: '"e"' } }
    await saveManifest(file, new Map([['a.txt', entry]]))
    expect(await loadManifest(file, () => undefined)).toEqual(new Map([['a.txt', entry]]))
    await writeFile(file, '{"version":1,"entries":{"a.txt":{"local":{}}}}')
    const asides: SetAside[] = []
    expect(await loadManifest(file, (aside) => asides.push(aside))).toBeNull()
    expect(asides).toHaveLength(1)
  })
})

const mkdirp = async (folder: string): Promise<string> => {
  const { mkdir } = await import('node:fs/promises')
  await mkdir(folder, { recursive: true })
  return folder
}
