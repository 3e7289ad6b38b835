import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPathAllocator } from './path-allocator'

let root: string

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
    const paths = createPathAllocator(false)
    expect(await paths.file(root, 'photos/b.jpg')).toBe(path.join(root, 'photos', 'b.jpg'))
  })

  it('numbers a file whose name is taken on disk, or whose .part is', async () => {
    const paths = createPathAllocator(false)
    expect(await paths.file(root, 'photos/a.jpg')).toBe(path.join(root, 'photos', 'a (1).jpg'))
    expect(await paths.file(root, 'half.bin')).toBe(path.join(root, 'half (1).bin'))
  })

  it('numbers a folder when a file is in the way', async () => {
    const paths = createPathAllocator(false)
    expect(await paths.file(root, 'notes/today.txt')).toBe(
      path.join(root, 'notes (1)', 'today.txt'),
    )
  })

  it('never hands out one path twice, until it is released', async () => {
    const paths = createPathAllocator(false)
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
    const paths = createPathAllocator(true)
    await paths.file(root, 'case/Report.pdf')
    expect(await paths.file(root, 'case/report.pdf')).toBe(
      path.join(root, 'case', 'report (1).pdf'),
    )
  })

  it('keeps hostile keys inside the folder', async () => {
    const paths = createPathAllocator(false)
    expect(await paths.file(root, '../../etc/passwd')).toBe(
      path.join(root, '__', '__', 'etc', 'passwd'),
    )
    expect(await paths.file(root, '/abs')).toBe(path.join(root, 'abs'))
  })
})
