/**
 * Finding the filter's text in a listing's names: the folded names are kept joined in one text as
 * pages arrive, and a filter is a few indexOf calls over it, where testing each row reads a
 * million strings scattered over the heap.
 */
import { roomFor } from './growing-array'
import type { Entry } from './object-entry'

export type NameIndex = {
  /** The rows' folded names, one after another with nothing between. */
  readonly text: string
  /** Where each row's name ends in `text`; only the first `count` are set. */
  readonly ends: Uint32Array
  /** How many rows (from the start of the listing) are in the text. */
  readonly count: number
}

export const emptyNameIndex: NameIndex = { text: '', ends: new Uint32Array(0), count: 0 }

/** `index` with the rows of `entries` it does not hold yet (those from `index.count` on). */
export const extendNameIndex = (index: NameIndex, entries: readonly Entry[]): NameIndex => {
  const count = entries.length
  if (count <= index.count) return index
  const ends = roomFor(index.ends, index.count, count, (length) => new Uint32Array(length))
  let end = index.count === 0 ? 0 : (ends[index.count - 1] as number)
  const names: string[] = []
  for (let row = index.count; row < count; row += 1) {
    const { folded } = entries[row] as Entry
    names.push(folded)
    end += folded.length
    ends[row] = end
  }
  return { text: index.text + names.join(''), ends, count }
}

/** A flag per row: 1 where its folded name contains `query` (folded the same way). */
export const rowsContaining = (index: NameIndex, query: string): Uint8Array => {
  const { text, ends, count } = index
  const found = new Uint8Array(count)
  if (query === '') return found.fill(1)
  let row = 0
  let at = text.indexOf(query)
  while (at !== -1) {
    // The row whose name holds the match's first character…
    while (row < count && (ends[row] as number) <= at) row += 1
    if (row === count) break
    const end = ends[row] as number
    // …holds all of it, or the match runs into the next name and is no match.
    if (at + query.length <= end) {
      found[row] = 1
      at = text.indexOf(query, end)
    } else {
      at = text.indexOf(query, at + 1)
    }
  }
  return found
}
