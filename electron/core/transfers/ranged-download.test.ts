import { describe, expect, it } from 'vitest'
import type { DownloadRecord } from './journal'
import { arrivedBytes, fromRuns, rangedBytes, toRuns } from './ranged-download'

const MIB = 1024 * 1024

describe('finished ranges in the journal', () => {
  it('are kept as runs of indexes, whatever order they finished in', () => {
    expect(toRuns(new Set([5, 0, 1, 2, 7, 8, 4]))).toEqual([
      [0, 2],
      [4, 5],
      [7, 8],
    ])
    expect(toRuns(new Set())).toEqual([])
    const chunks = new Set([9, 3, 4, 0, 10_000 - 1])
    expect(fromRuns(toRuns(chunks))).toEqual(new Set([...chunks].sort((a, b) => a - b)))
  })

  it('count their bytes, the short last range included', () => {
    // 3 ranges of 16 MiB and a last one of 1 byte.
    const size = 48 * MIB + 1
    expect(rangedBytes([[0, 3]], 16 * MIB, size)).toBe(size)
    expect(rangedBytes([[3, 3]], 16 * MIB, size)).toBe(1)
    expect(
      rangedBytes(
        [
          [0, 0],
          [2, 2],
        ],
        16 * MIB,
        size,
      ),
    ).toBe(32 * MIB)
  })

  it('count the started parts of unfinished ranges as arrived', () => {
    const record: DownloadRecord = {
      kind: 'download',
      id: 'd',
      batchId: 'b',
      accountId: 'a',
      bucket: 'x',
      key: 'k',
      localPath: '/tmp/k',
      etag: '"e"',
      size: 40 * MIB,
      chunkSize: 16 * MIB,
      chunks: [[0, 0]],
      partial: [[2, 1000]],
    }
    expect(arrivedBytes(record)).toBe(16 * MIB + 1000)
  })
})
