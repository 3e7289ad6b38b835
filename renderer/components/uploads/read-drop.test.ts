import { describe, expect, it } from 'vitest'
import { readDrop } from './read-drop'

type FakeEntry = {
  readonly name: string
  readonly isFile: boolean
  readonly isDirectory: boolean
  file?: (resolve: (file: File) => void) => void
  createReader?: () => { readEntries: (resolve: (entries: FakeEntry[]) => void) => void }
}

const fileEntry = (name: string, text = name): FakeEntry => ({
  name,
  isFile: true,
  isDirectory: false,
  file: (resolve) => resolve(new File([text], name)),
})

/** A folder whose reader hands out two entries per call, as real ones hand out about 100. */
const folderEntry = (name: string, children: FakeEntry[]): FakeEntry => ({
  name,
  isFile: false,
  isDirectory: true,
  createReader: () => {
    let at = 0
    return {
      readEntries: (resolve) => {
        const batch = children.slice(at, at + 2)
        at += batch.length
        setTimeout(() => resolve(batch))
      },
    }
  },
})

const dataTransfer = (entries: FakeEntry[], files: File[] = []) =>
  ({
    items: entries.map((entry) => ({
      kind: 'file',
      webkitGetAsEntry: () => entry,
      getAsFile: () => null,
    })),
    files,
    types: ['Files'],
  }) as unknown as DataTransfer

describe('reading a drop', () => {
  it('walks folders to the end, keeps relative paths, and lists empty folders', async () => {
    const drop = dataTransfer([
      fileEntry('top.txt'),
      folderEntry('tree', [
        fileEntry('1'),
        fileEntry('2'),
        fileEntry('3'),
        folderEntry('empty', []),
        folderEntry('deep', [folderEntry('er', [fileEntry('x.bin')]), folderEntry('void', [])]),
      ]),
    ])
    const picked = await readDrop(drop)
    expect(picked.files.map((file) => file.relativePath)).toEqual([
      'top.txt',
      'tree/1',
      'tree/2',
      'tree/3',
      'tree/deep/er/x.bin',
    ])
    expect(picked.files[4]?.file.name).toBe('x.bin')
    expect(picked.folders).toEqual(['tree/empty/', 'tree/deep/void/'])
  })

  it('falls back to the file list when the drop has no entries', async () => {
    const file = new File(['hi'], 'plain.txt')
    const picked = await readDrop(dataTransfer([], [file]))
    expect(picked).toEqual({ files: [{ file, relativePath: 'plain.txt' }], folders: [] })
  })
})
