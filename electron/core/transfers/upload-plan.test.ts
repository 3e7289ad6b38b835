import { describe, expect, it } from 'vitest'
import type { FileSource } from '../../../shared/transfers'
import { planUpload } from './upload-plan'

const file = (relativeKey: string) => ({
  source: { kind: 'path', path: `/home/me/${relativeKey}` } satisfies FileSource,
  relativeKey,
})

const stored = new Set(['in/a.txt', 'in/a (1).txt', 'in/photos/p.jpg', 'in/old/'])
const existing = async (keys: readonly string[]) => {
  asked.push([...keys])
  return stored
}
let asked: string[][] = []

const plan = (conflict: 'overwrite' | 'skip' | 'keep-both', folders: string[] = []) => {
  asked = []
  return planUpload(
    {
      prefix: 'in/',
      files: [file('a.txt'), file('b.txt'), file('photos/p.jpg')],
      folders,
      conflict,
    },
    existing,
  )
}

describe('planUpload', () => {
  it('overwrite writes every key and asks for no listing', async () => {
    const result = await plan('overwrite')
    expect(result.files.map((f) => f.key)).toEqual(['in/a.txt', 'in/b.txt', 'in/photos/p.jpg'])
    expect(asked).toEqual([])
  })

  it('skip leaves existing keys alone and says which', async () => {
    const result = await plan('skip')
    expect(result.files.map((f) => f.key)).toEqual(['in/b.txt'])
    expect(result.skipped).toEqual(['in/a.txt', 'in/photos/p.jpg'])
  })

  it('keep-both numbers clashes past names that are taken too', async () => {
    const result = await plan('keep-both')
    expect(result.files.map((f) => f.key)).toEqual([
      'in/a (2).txt',
      'in/b.txt',
      'in/photos/p (1).jpg',
    ])
  })

  it('makes empty folders as name/ markers, leaving existing ones', async () => {
    const result = await plan('overwrite', ['new', 'old/', 'deep/er/'])
    expect(result.folders).toEqual(['in/new/', 'in/deep/er/'])
  })

  it('two files of one batch never land on one key under keep-both', async () => {
    const result = await planUpload(
      { prefix: '', files: [file('x.txt'), file('x.txt')], folders: [], conflict: 'keep-both' },
      async () => new Set(),
    )
    expect(result.files.map((f) => f.key)).toEqual(['x.txt', 'x (1).txt'])
  })

  it('sets apart a file or folder over 1,024 bytes with its reason, planning the rest', async () => {
    asked = []
    const result = await planUpload(
      {
        prefix: '',
        files: [file('x'.repeat(1025)), file('fine.txt')],
        folders: ['f'.repeat(1024)],
        conflict: 'skip',
      },
      existing,
    )
    expect(result.files.map((f) => f.key)).toEqual(['fine.txt'])
    expect(result.rejected).toEqual([
      {
        key: 'x'.repeat(1025),
        source: file('x'.repeat(1025)).source,
        problem: 'Its name in the bucket would be 1,025 bytes long; S3 allows at most 1,024.',
        code: 'INVALID_KEY',
      },
      {
        key: `${'f'.repeat(1024)}/`,
        source: null,
        problem: 'Its name in the bucket would be 1,025 bytes long; S3 allows at most 1,024.',
        code: 'INVALID_KEY',
      },
    ])
    // Keys S3 cannot take are not looked for.
    expect(asked).toEqual([['fine.txt']])
  })
})
