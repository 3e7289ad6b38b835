import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  bareEtag,
  isMultipartEtag,
  isPlainMd5,
  multipartEtag,
  partCount,
  partRange,
  partSizeFor,
} from './part-plan'

const MiB = 1024 ** 2
const GiB = 1024 ** 3

describe('part sizes', () => {
  it('uses the setting while 10,000 parts cover the file', () => {
    expect(partSizeFor(100 * MiB, 16 * MiB)).toBe(16 * MiB)
    expect(partSizeFor(156 * GiB, 16 * MiB)).toBe(16 * MiB)
  })

  it('grows to size ÷ 10,000 rounded up to a MiB for larger files', () => {
    expect(partSizeFor(100 * GiB, 5 * MiB)).toBe(11 * MiB)
    expect(partSizeFor(5 * 1024 * GiB, 16 * MiB)).toBe(525 * MiB)
    const size = 5 * 1024 * GiB
    expect(partCount(size, partSizeFor(size, 16 * MiB))).toBeLessThanOrEqual(10_000)
  })

  it('never goes under the 5 MiB S3 minimum', () => {
    expect(partSizeFor(10 * MiB, 1 * MiB)).toBe(5 * MiB)
  })

  it('splits into ranges with a shorter last part', () => {
    expect(partCount(33 * MiB, 16 * MiB)).toBe(3)
    expect(partRange(1, 16 * MiB, 33 * MiB)).toEqual({ start: 0, length: 16 * MiB })
    expect(partRange(3, 16 * MiB, 33 * MiB)).toEqual({ start: 32 * MiB, length: MiB })
    expect(partCount(32 * MiB, 16 * MiB)).toBe(2)
    expect(partCount(0, 16 * MiB)).toBe(1)
  })
})

describe('ETags', () => {
  it('computes the multipart ETag as MD5 of the binary part MD5s, then -N', () => {
    const parts = ['part one', 'part two', 'part three'].map((text) =>
      createHash('md5').update(text).digest('hex'),
    )
    const expected = createHash('md5')
      .update(Buffer.concat(parts.map((hex) => Buffer.from(hex, 'hex'))))
      .digest('hex')
    expect(multipartEtag(parts)).toBe(`${expected}-3`)
    expect(isMultipartEtag(multipartEtag(parts))).toBe(true)
  })

  it('hashes the binary digests, not their hex text', () => {
    const zeros = createHash('md5')
      .update(Buffer.alloc(5 * MiB))
      .digest('hex')
    expect(zeros).toBe('5f363e0e58a95f06cbe9bbc662c5dfb6')
    const ofHexText = createHash('md5')
      .update(zeros + zeros)
      .digest('hex')
    expect(multipartEtag([zeros, zeros])).not.toBe(`${ofHexText}-2`)
    expect(multipartEtag([zeros])).not.toBe(zeros)
  })

  it('strips quotes and case', () => {
    expect(bareEtag('"D41D8CD98F00B204E9800998ECF8427E"')).toBe('d41d8cd98f00b204e9800998ecf8427e')
    expect(isPlainMd5(bareEtag('"d41d8cd98f00b204e9800998ecf8427e"'))).toBe(true)
    expect(isPlainMd5('abc-2')).toBe(false)
    expect(bareEtag(undefined)).toBe('')
  })
})
