import { describe, expect, it } from 'vitest'
import { entriesOfPage } from './object-entry'
import { extendRowKeys, isoDateKey, noRowKeys } from './sort-keys'

const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}

const sign = (value: number): number => Math.sign(value)

describe('dates as sort keys', () => {
  it('orders dates as comparing their text does, across every field and its edges', () => {
    const next = random(11)
    const dates = Array.from({ length: 300 }, () =>
      new Date(Date.UTC(1970 + Math.floor(next() * 100), 0, 1) + next() * 4e9).toISOString(),
    )
    // Each field at its last value beside the next one's first, where a wrong radix overlaps.
    dates.push(
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2026-01-31T23:59:59.999Z',
      '2026-02-01T00:00:00.000Z',
      '2026-01-30T23:59:59.999Z',
      '2026-12-31T23:59:59.999Z',
      '2027-01-01T00:00:00.000Z',
      '2026-03-04T23:59:59.999Z',
      '2026-03-05T00:00:00.000Z',
      '2026-03-04T05:59:59.999Z',
      '2026-03-04T06:00:00.000Z',
      '2026-03-04T05:06:59.999Z',
      '2026-03-04T05:07:00.000Z',
      '2026-03-04T05:06:07.999Z',
      '2026-03-04T05:06:08.000Z',
    )
    const wrong = dates.flatMap((a) =>
      dates
        .filter(
          (b) =>
            sign((isoDateKey(a) as number) - (isoDateKey(b) as number)) !==
            (a < b ? -1 : a > b ? 1 : 0),
        )
        .map((b) => `${a} ${b}`),
    )
    expect(wrong).toEqual([])
  })

  it('answers null for text in any other form, or with a field out of range', () => {
    for (const text of [
      '',
      '2026-01-01',
      '2026-01-01T00:00:00Z',
      '+012026-01-01T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-01-32T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T00:60:00.000Z',
      '2026-01-01T00:00:60.000Z',
      '2026-01-01 00:00:00.000Z',
      '2026-0a-01T00:00:00.000Z',
    ]) {
      expect(isoDateKey(text)).toBeNull()
    }
  })

  it('keeps each row’s size and date key as pages arrive, as reading them at once does', () => {
    const dates = [null, '2026-01-01T00:00:00.000Z', '2026-01-02', '1999-12-31T23:59:59.999Z']
    const rows = entriesOfPage(
      {
        folders: [{ prefix: 'dir/' }],
        objects: Array.from({ length: 1000 }, (_, index) => ({
          key: `k${index}`,
          size: index * 2 ** 20,
          lastModified: dates[index % 4] ?? null,
          etag: null,
          storageClass: null,
        })),
        nextToken: null,
      },
      '',
      false,
    )
    let keys = noRowKeys
    for (let end = 0; end < rows.length; end += 97) keys = extendRowKeys(keys, rows.slice(0, end))
    keys = extendRowKeys(keys, rows)
    const sizes = rows.map(({ size }) => size ?? 0)
    const dateKeys = rows.map(({ lastModified }) =>
      lastModified === null ? 0 : (isoDateKey(lastModified) ?? Number.NaN) + 1,
    )
    expect(keys.count).toBe(rows.length)
    expect([...keys.sizes.subarray(0, keys.count)]).toEqual(sizes)
    expect([...keys.dates.subarray(0, keys.count)]).toEqual(dateKeys)
  })
})
