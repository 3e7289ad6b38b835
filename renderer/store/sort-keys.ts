/**
 * The size, date and type columns as whole numbers that order rows exactly as comparing the
 * columns does, for sorting a whole listing by radix instead of by comparisons.
 */
import { roomFor } from './growing-array'
import type { Entry } from './object-entry'

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The number the digits of `text` from `from` spell, or -1 where one is not a digit. */
const digitsAt = (text: string, from: number, length: number): number => {
  let value = 0
  for (let at = from; at < from + length; at += 1) {
    const digit = text.charCodeAt(at) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

// YYYY-MM-DDTHH:mm:ss.sssZ, the form main sends dates in (toISOString): each separator's
// place and character code. Read by hand, as a regular expression per row costs more than the sort.
const SEPARATORS: readonly (readonly [number, number])[] = [
  [4, 45],
  [7, 45],
  [10, 84],
  [13, 58],
  [16, 58],
  [19, 46],
  [23, 90],
]

const hasSeparators = (text: string): boolean => {
  for (const [at, code] of SEPARATORS) if (text.charCodeAt(at) !== code) return false
  return true
}

/**
 * A number that orders dates of the form main sends as comparing their text does (a mixed radix
 * of the fields, not a time), or null for any other text.
 */
export const isoDateKey = (text: string): number | null => {
  if (text.length !== 24 || !hasSeparators(text)) return null
  const year = digitsAt(text, 0, 4)
  const month = digitsAt(text, 5, 2)
  const day = digitsAt(text, 8, 2)
  const hour = digitsAt(text, 11, 2)
  const minute = digitsAt(text, 14, 2)
  const second = digitsAt(text, 17, 2)
  const millisecond = digitsAt(text, 20, 3)
  // Out of range fields would break the radix (a month 13 would pass the next year).
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    millisecond < 0
  ) {
    return null
  }
  const days = (year * 12 + month - 1) * 31 + day - 1
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
}

export type KeyedColumn = 'size' | 'modified' | 'type'

/**
 * Each row's size and date as sort keys, by row index: kept up as pages arrive, so sorting a
 * million rows by them reads two arrays of numbers instead of a million rows over the heap.
 */
export type RowKeys = {
  readonly sizes: Float64Array
  /** 0 for no date (it sorts first, as the empty text does), NaN for a date in another form. */
  readonly dates: Float64Array
  /** How many rows (from the start of the listing) have keys. */
  readonly count: number
}

export const noRowKeys: RowKeys = {
  sizes: new Float64Array(0),
  dates: new Float64Array(0),
  count: 0,
}

const grown = (array: Float64Array, used: number, needed: number): Float64Array =>
  roomFor(array, used, needed, (length) => new Float64Array(length))

/** `keys` with those of the rows of `entries` from `keys.count` on. */
export const extendRowKeys = (keys: RowKeys, entries: readonly Entry[]): RowKeys => {
  const count = entries.length
  if (count <= keys.count) return keys
  const sizes = grown(keys.sizes, keys.count, count)
  const dates = grown(keys.dates, keys.count, count)
  for (let row = keys.count; row < count; row += 1) {
    const { size, lastModified } = entries[row] as Entry
    sizes[row] = size ?? 0
    const date = lastModified === null || lastModified === '' ? -1 : isoDateKey(lastModified)
    dates[row] = date === null ? Number.NaN : date + 1
  }
  return { sizes, dates, count }
}

/**
 * The key of each of `rows` (indices into `entries`, all below `keys.count`) for a column, in the
 * order of `rows`, or null when one cannot be had (a date in another form): then the column is
 * sorted by comparisons.
 */
export const columnKeys = (
  entries: readonly Entry[],
  keys: RowKeys,
  rows: Uint32Array,
  column: KeyedColumn,
): Float64Array | null => {
  const ordered = new Float64Array(rows.length)
  if (column !== 'type') {
    const byRow = column === 'size' ? keys.sizes : keys.dates
    for (let at = 0; at < rows.length; at += 1) {
      const key = byRow[rows[at] as number] as number
      if (Number.isNaN(key)) return null
      ordered[at] = key
    }
    return ordered
  }
  // A listing has few types: their rank in text order is the key.
  const entryAt = (at: number): Entry => entries[rows[at] as number] as Entry
  const rank = new Map<string, number>()
  for (let at = 0; at < rows.length; at += 1) rank.set(entryAt(at).type, 0)
  ;[...rank.keys()].sort(compareText).forEach((type, index) => rank.set(type, index))
  for (let at = 0; at < rows.length; at += 1) ordered[at] = rank.get(entryAt(at).type) ?? 0
  return ordered
}
