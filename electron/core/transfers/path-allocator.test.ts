import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NameRules } from './local-name-rules'
import { createPathAllocator } from './path-allocator'

let root: string

/** Every folder on a file system with these rules. */
const rules = (foldsCase: boolean, normalisesUnicode: boolean) => async (): Promise<NameRules> => ({
  foldsCase,
  normalisesUnicode,
})
const EXACT = rules(false, false)
const NFC = 'caf\u00e9.txt'
const NFD = 'cafe\u0301.txt'

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dss-paths-'))
  await mkdir(path.join(root, 'photos'))
  await writeFile(path.join(root, 'photos', 'a.jpg'), 'existing')
  await writeFile(path.join(root, 'notes'), 'a file where a folder is wanted')
  await writeFile(path.join(root, 'half.bin.part'), 'someone else’s partial file')
})

afterAll(() => rm(root, { recursive: true, force: true }))

describe('path allocator', () => {
  it('keeps free names and merges into existing folders', async () => {
    const paths = createPathAllocator(EXACT)
    expect(await paths.file(root, 'photos/b.jpg')).toBe(path.join(root, 'photos', 'b.jpg'))
  })

  it('gives a replacing download the name of the file that is there, but not a folder’s', async () => {
    const paths = createPathAllocator(EXACT)
    expect(await paths.replacing(root, 'photos/a.jpg')).toBe(path.join(root, 'photos', 'a.jpg'))
    expect(await paths.replacing(root, 'photos')).toBe(path.join(root, 'photos (1)'))
    expect(await paths.replacing(root, 'half.bin')).toBe(path.join(root, 'half (1).bin'))
    // A second download of that name while the first is in progress does not share its path.
    expect(await paths.replacing(root, 'photos/a.jpg')).toBe(path.join(root, 'photos', 'a (1).jpg'))
  })

  it('numbers a file whose name is taken on disk, or whose .part is', async () => {
    const paths = createPathAllocator(EXACT)
    expect(await paths.file(root, 'photos/a.jpg')).toBe(path.join(root, 'photos', 'a (1).jpg'))
    expect(await paths.file(root, 'half.bin')).toBe(path.join(root, 'half (1).bin'))
  })

  it('numbers a folder when a file is in the way', async () => {
    const paths = createPathAllocator(EXACT)
    expect(await paths.file(root, 'notes/today.txt')).toBe(
      path.join(root, 'notes (1)', 'today.txt'),
    )
  })

  it('never hands out one path twice, until it is released', async () => {
    const paths = createPathAllocator(EXACT)
    const first = await paths.file(root, 'new/x.txt')
    expect(await paths.file(root, 'new/x.txt')).toBe(path.join(root, 'new', 'x (1).txt'))
    // Two keys that map to one safe name.
    expect(await paths.file(root, 'new/a:b')).toBe(path.join(root, 'new', 'a_b'))
    expect(await paths.file(root, 'new/a?b')).toBe(path.join(root, 'new', 'a_b (1)'))
    // A folder wanted where this batch already puts a file.
    expect(await paths.folder(root, 'new/x.txt')).toBe(path.join(root, 'new', 'x (2).txt'))
    paths.release(first)
    expect(await paths.file(root, 'new/x.txt')).toBe(first)
  })

  it('treats names differing only in case as one where the file system does', async () => {
    const paths = createPathAllocator(rules(true, false))
    await paths.file(root, 'case/Report.pdf')
    expect(await paths.file(root, 'case/report.pdf')).toBe(
      path.join(root, 'case', 'report (1).pdf'),
    )
    // Windows folds case but keeps NFC and NFD apart.
    await paths.file(root, `case/${NFC}`)
    expect(await paths.file(root, `case/${NFD}`)).toBe(path.join(root, 'case', NFD))
  })

  it('treats NFC and NFD forms of a name as one where the file system does (macOS)', async () => {
    const paths = createPathAllocator(rules(true, true))
    expect(await paths.file(root, `mac/${NFC}`)).toBe(path.join(root, 'mac', NFC))
    expect(await paths.file(root, `mac/${NFD}`)).toBe(path.join(root, 'mac', 'cafe\u0301 (1).txt'))
    expect(await paths.file(root, `mac/${NFD.toUpperCase()}`)).toBe(
      path.join(root, 'mac', 'CAFE\u0301 (2).TXT'),
    )
    // Folders too: two spellings of one folder are one folder, so their files clash.
    await paths.file(root, 'mac/Caf\u00e9/a.txt')
    expect(await paths.file(root, 'mac/Cafe\u0301/a.txt')).toBe(
      path.join(root, 'mac', 'Cafe\u0301', 'a (1).txt'),
    )
  })

  it('keeps every spelling where the file system tells them apart (this Linux machine)', async () => {
    for (const paths of [createPathAllocator(EXACT), createPathAllocator()]) {
      const folder = await mkdtemp(path.join(root, 'exact-'))
      expect(await paths.file(folder, NFC)).toBe(path.join(folder, NFC))
      expect(await paths.file(folder, NFD)).toBe(path.join(folder, NFD))
      expect(await paths.file(folder, 'Report.pdf')).toBe(path.join(folder, 'Report.pdf'))
      expect(await paths.file(folder, 'report.pdf')).toBe(path.join(folder, 'report.pdf'))
    }
  })

  it('decides per target folder', async () => {
    const paths = createPathAllocator(async (folder) => ({
      foldsCase: folder.includes('usb-stick'),
      normalisesUnicode: false,
    }))
    await paths.file(root, 'usb-stick/A.txt')
    await paths.file(root, 'home/A.txt')
    expect(await paths.file(root, 'usb-stick/a.txt')).toBe(
      path.join(root, 'usb-stick', 'a (1).txt'),
    )
    expect(await paths.file(root, 'home/a.txt')).toBe(path.join(root, 'home', 'a.txt'))
  })

  it('hands out distinct paths to allocations running at once', async () => {
    const paths = createPathAllocator(EXACT)
    const both = await Promise.all([paths.file(root, 'race/x.txt'), paths.file(root, 'race/x.txt')])
    expect(both.sort()).toEqual([
      path.join(root, 'race', 'x (1).txt'),
      path.join(root, 'race', 'x.txt'),
    ])
  })

  it('keeps hostile keys inside the folder', async () => {
    const paths = createPathAllocator(EXACT)
    expect(await paths.file(root, '../../etc/passwd')).toBe(
      path.join(root, '__', '__', 'etc', 'passwd'),
    )
    expect(await paths.file(root, '/abs')).toBe(path.join(root, 'abs'))
  })
})
