import { describe, expect, it } from 'vitest'
import { batchName, chunksOf, runLimited, targetKeys } from './upload-batch'

const picked = (size: number, relativePath: string) => ({
  file: new File(['x'.repeat(size)], relativePath.split('/').at(-1) ?? ''),
  relativePath,
})

describe('upload batches', () => {
  it('names a batch after its one file or folder, else counts the items', () => {
    expect(batchName({ files: [picked(1, 'a.txt')], folders: [] })).toBe('a.txt')
    expect(
      batchName({ files: [picked(1, 'p/a.txt'), picked(1, 'p/q/b')], folders: ['p/e/'] }),
    ).toBe('p/')
    expect(batchName({ files: [], folders: ['empty/'] })).toBe('empty/')
    expect(batchName({ files: [picked(1, 'a'), picked(1, 'p/b')], folders: [] })).toBe('2 items')
  })

  it('puts files under the prefix as they are, spaces and all', () => {
    expect(targetKeys('in/', [picked(1, ' a b /c ')])).toEqual(['in/ a b /c '])
    expect(targetKeys('', [picked(1, 'x')])).toEqual(['x'])
  })

  it('cuts by file count and by bytes, never leaving a chunk empty', () => {
    const files = [picked(5, 'a'), picked(5, 'b'), picked(20, 'big'), picked(1, 'c')]
    const chunks = chunksOf({ files, folders: ['e/'] }, { files: 3, bytes: 12 })
    expect(chunks.map((chunk) => chunk.files.map((file) => file.relativePath))).toEqual([
      ['a', 'b'],
      ['big'],
      ['c'],
    ])
    expect(chunks.map((chunk) => chunk.folders)).toEqual([['e/'], [], []])
    expect(chunksOf({ files: [], folders: ['e/'] }, { files: 3, bytes: 12 })).toEqual([
      { files: [], folders: ['e/'] },
    ])
    expect(chunksOf({ files: [], folders: [] }, { files: 3, bytes: 12 })).toEqual([])
  })

  it('runs at most `limit` at once and starts no more after a failure', async () => {
    let running = 0
    let peak = 0
    const started: number[] = []
    const ok = await runLimited([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item)
      running += 1
      peak = Math.max(peak, running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running -= 1
      return item !== 3
    })
    expect(ok).toBe(false)
    expect(peak).toBe(2)
    expect(started).toEqual([1, 2, 3, 4])
  })
})
