/**
 * Finding a few keys among a listing's rows: a hash of each row's key is kept in a typed array as
 * pages arrive, so a click on one of 1,000,000 rows scans numbers instead of a million key strings
 * scattered over the heap (each of which would be hashed the first time a Set is asked for it).
 */
import { roomFor } from './growing-array'
import type { Entry } from './object-entry'

export type KeyHashes = {
  /** Each row's key hashed (hashKey), by row index. */
  readonly hashes: Uint32Array
  /** How many rows (from the start of the listing) are hashed. */
  readonly count: number
}

export const noKeyHashes: KeyHashes = { hashes: new Uint32Array(0), count: 0 }

// 30 bits: small integers in the engine, so sets and maps of them need no boxed numbers.
const HASH_MASK = 0x3fffffff

/** FNV-1a over the key's UTF-16 code units; equal keys hash equal, unequal ones rarely do. */
export const hashKey = (key: string): number => {
  let hash = 0x811c9dc5
  for (let at = 0; at < key.length; at += 1) {
    hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193)
  }
  return hash & HASH_MASK
}

/** `index` with the hashes of the rows of `entries` from `index.count` on. */
export const extendKeyHashes = (index: KeyHashes, entries: readonly Entry[]): KeyHashes => {
  const count = entries.length
  if (count <= index.count) return index
  const hashes = roomFor(index.hashes, index.count, count, (length) => new Uint32Array(length))
  for (let row = index.count; row < count; row += 1) {
    hashes[row] = hashKey((entries[row] as Entry).key)
  }
  return { hashes, count }
}

const FILTER_BITS = 16

/**
 * The indices of the rows whose key is in `keys`, in row order. A hash shared by two keys never
 * misleads: each row found by its hash is checked against the key itself.
 */
export const rowsWithKeys = (
  entries: readonly Entry[],
  index: KeyHashes,
  keys: ReadonlySet<string>,
): number[] => {
  if (keys.size === 0) return []
  const wanted = new Set<number>()
  // A bit per low 16 bits of a wanted hash: most rows are passed over after one array read.
  const filter = new Uint8Array(1 << FILTER_BITS)
  for (const key of keys) {
    const hash = hashKey(key)
    wanted.add(hash)
    filter[hash & ((1 << FILTER_BITS) - 1)] = 1
  }
  const { hashes, count } = index
  const rows: number[] = []
  for (let row = 0; row < count; row += 1) {
    const hash = hashes[row] as number
    if (
      filter[hash & ((1 << FILTER_BITS) - 1)] === 1 &&
      wanted.has(hash) &&
      keys.has((entries[row] as Entry).key)
    ) {
      rows.push(row)
    }
  }
  return rows
}
