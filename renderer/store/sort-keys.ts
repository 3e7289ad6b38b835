/**
 * The size, date and type columns as whole numbers that order rows exactly as comparing the
 * columns does, for sorting a whole listing by radix instead of by comparisons.
 */
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
 * Each row's key for a column, in the rows' order, or null when one cannot be had (a date in
 * another form): then the column is sorted by comparisons.
 */
export const columnKeys = (rows: readonly Entry[], column: KeyedColumn): Float64Array | null => {
  const keys = new Float64Array(rows.length)
  if (column === 'size') {
    rows.forEach((row, index) => {
      keys[index] = row.size ?? 0
    })
    return keys
  }
  if (column === 'modified') {
    // No date sorts first, as the empty text does.
    for (let index = 0; index < rows.length; index += 1) {
      const text = (rows[index] as Entry).lastModified ?? ''
      const key = text === '' ? -1 : isoDateKey(text)
      if (key === null) return null
      keys[index] = key + 1
    }
    return keys
  }
  // A listing has few types: their rank in text order is the key.
  const types = [...new Set(rows.map((row) => row.type))].sort(compareText)
  const rank = new Map(types.map((type, index) => [type, index]))
  rows.forEach((row, index) => {
    keys[index] = rank.get(row.type) ?? 0
  })
  return keys
}
