import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { publish } from './part-file'

let root: string
let folder = ''
let count = 0

beforeEach(async () => {
  root ??= await mkdtemp(path.join(os.tmpdir(), 'dss-publish-'))
  count += 1
  folder = path.join(root, String(count))
  await mkdir(folder)
  await writeFile(path.join(folder, 'a.txt.part'), 'downloaded')
})

afterAll(() => rm(root, { recursive: true, force: true }))

const at = (name: string): string => path.join(folder, name)
const contents = async (): Promise<Record<string, string>> => {
  const names = (await readdir(folder)).sort()
  const entries = await Promise.all(names.map(async (n) => [n, await readFile(at(n), 'utf8')]))
  return Object.fromEntries(entries) as Record<string, string>
}

describe('publishing a finished download', () => {
  it('keeps a file that is there and saves the download beside it', async () => {
    await writeFile(at('a.txt'), 'mine')
    expect(await publish(at('a.txt.part'), at('a.txt'))).toBe(at('a (1).txt'))
    expect(await contents()).toEqual({ 'a.txt': 'mine', 'a (1).txt': 'downloaded' })
  })

  it('replaces any file there when the user chose to replace', async () => {
    await writeFile(at('a.txt'), 'mine, longer than the download')
    expect(await publish(at('a.txt.part'), at('a.txt'), 'any')).toBe(at('a.txt'))
    expect(await contents()).toEqual({ 'a.txt': 'downloaded' })
  })

  it('replaces the file seen by a comparison only while it is unchanged', async () => {
    await writeFile(at('a.txt'), 'seen')
    const seen = await stat(at('a.txt'))
    const expected = { size: seen.size, mtimeMs: seen.mtimeMs }
    expect(await publish(at('a.txt.part'), at('a.txt'), expected)).toBe(at('a.txt'))
    expect(await contents()).toEqual({ 'a.txt': 'downloaded' })

    // Same size, other time: edited since it was seen, so it is kept.
    await writeFile(at('a.txt.part'), 'downloaded')
    await utimes(at('a.txt'), new Date(), new Date(Date.now() + 60_000))
    expect(await publish(at('a.txt.part'), at('a.txt'), expected)).toBe(at('a (1).txt'))
    expect(await contents()).toEqual({ 'a.txt': 'downloaded', 'a (1).txt': 'downloaded' })
  })

  it('never replaces a folder, even when replacing was chosen', async () => {
    await mkdir(at('a.txt'))
    expect(await publish(at('a.txt.part'), at('a.txt'), 'any')).toBe(at('a (1).txt'))
  })

  it('publishes under the name itself when nothing is there', async () => {
    expect(await publish(at('a.txt.part'), at('a.txt'), { size: 1, mtimeMs: 1 })).toBe(at('a.txt'))
    expect(await contents()).toEqual({ 'a.txt': 'downloaded' })
  })
})
