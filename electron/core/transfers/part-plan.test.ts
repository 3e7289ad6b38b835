import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  bareEtag,
  isMultipartEtag,
  isPlainMd5,
  MAX_PART_SIZE,
  MAX_PARTS,
  MIN_PART_SIZE,
  multipartEtag,
  partCount,
  partRange,
  partSizeFor,
  uploadShape,
  validPartSize,
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

/** Every part's length, as the part manager reads them from the file. */
const lengthsOf = (size: number, partSize: number): number[] =>
  Array.from(
    { length: partCount(size, partSize) },
    (_, index) => partRange(index + 1, partSize, size).length,
  )

/** What S3 (RGW) demands of a multipart upload, else EntityTooSmall or a refused part. */
const expectValidParts = (size: number, partSize: number): void => {
  const lengths = lengthsOf(size, partSize)
  expect(lengths.length).toBeLessThanOrEqual(MAX_PARTS)
  expect(lengths.reduce((sum, length) => sum + length, 0)).toBe(size)
  const allButLast = lengths.slice(0, -1)
  expect(allButLast.filter((length) => length < MIN_PART_SIZE)).toEqual([])
  expect(lengths.filter((length) => length > MAX_PART_SIZE)).toEqual([])
  if (size > 0) expect(lengths.at(-1)).toBeGreaterThan(0)
}

describe('upload shape: no part under 5 MiB but the last, ever', () => {
  const smallest = { multipartThreshold: 5 * MiB, partSize: 5 * MiB }
  const defaults = { multipartThreshold: 16 * MiB, partSize: 16 * MiB }

  it('sends a file below the threshold whole, and one at the threshold in parts', () => {
    expect(uploadShape(16 * MiB - 1, defaults)).toEqual({ kind: 'single' })
    expect(uploadShape(16 * MiB, defaults)).toEqual({
      kind: 'multipart',
      partSize: 16 * MiB,
      parts: 1,
    })
    expect(uploadShape(5 * MiB - 1, smallest)).toEqual({ kind: 'single' })
  })

  it.each([
    ['at the threshold', 5 * MiB],
    ['just over the threshold', 5 * MiB + 1],
    ['a part size and one byte', 16 * MiB + 1],
    ['two part sizes and one byte', 32 * MiB + 1],
    ['exactly 10,000 smallest parts', MAX_PARTS * 5 * MiB],
    ['one byte more than 10,000 smallest parts', MAX_PARTS * 5 * MiB + 1],
    ['10,000 parts of the setting and a bit', MAX_PARTS * 16 * MiB + 12_345],
    ['100 GiB', 100 * GiB],
    ['5 TiB, the largest object', 5 * 1024 * GiB],
  ])('%s: valid parts (or one PUT below the threshold) at every setting', (_label, size) => {
    for (const settings of [
      smallest,
      defaults,
      { multipartThreshold: 5 * MiB, partSize: 5 * MiB + 1 },
      { multipartThreshold: 5 * MiB, partSize: 512 * MiB },
      // A settings file edited by hand (the store takes any positive integer).
      { multipartThreshold: 1, partSize: 1 },
    ]) {
      const shape = uploadShape(size, settings)
      if (shape.kind === 'single') {
        expect(size).toBeLessThan(settings.multipartThreshold)
        continue
      }
      expect(shape.parts).toBe(partCount(size, shape.partSize))
      expect(validPartSize(size, shape.partSize)).toBe(true)
      expectValidParts(size, shape.partSize)
    }
  })

  it('grows the part size only as far as 10,000 parts need', () => {
    const size = MAX_PARTS * 5 * MiB + 1
    expect(uploadShape(size, smallest)).toEqual({
      kind: 'multipart',
      partSize: 6 * MiB,
      parts: 8334,
    })
  })

  it('refuses a journaled part size the server would not take', () => {
    expect(validPartSize(40 * MiB, 5 * MiB)).toBe(true)
    expect(validPartSize(40 * MiB, 5 * MiB - 1)).toBe(false)
    expect(validPartSize(MAX_PARTS * 5 * MiB + 1, 5 * MiB)).toBe(false)
    expect(validPartSize(100 * GiB, MAX_PART_SIZE + 1)).toBe(false)
    expect(validPartSize(40 * MiB, Number.NaN)).toBe(false)
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
