/**
 * A stable order of rows by whole-number keys, as a permutation of their indices: a radix sort
 * (least significant digit first, up to 12 bits a pass) makes a few linear passes where a
 * comparison sort of 1,000,000 rows calls its comparator some 20 million times.
 */

const MAX_DIGIT_BITS = 12
const WORD = 2 ** 32

/**
 * The indices of `keys` in ascending key order, equal keys in index order (so sorting rows that
 * are already in name order by size gives size, then name). Null when a key is not a safe
 * integer: the caller compares instead.
 */
export const stableOrderByKeys = (keys: Float64Array): Uint32Array | null => {
  const count = keys.length
  let min = Infinity
  for (let index = 0; index < count; index += 1) {
    const key = keys[index] as number
    if (!Number.isSafeInteger(key)) return null
    if (key < min) min = key
  }
  let order = new Uint32Array(count)
  for (let index = 0; index < count; index += 1) order[index] = index
  if (count < 2) return order
  // Keys relative to the smallest, split in two 32-bit words: the typed arrays read digits fast,
  // and a narrow range of keys (one day of dates) needs few passes.
  const low = new Uint32Array(count)
  const high = new Uint32Array(count)
  let maxLow = 0
  let maxHigh = 0
  for (let index = 0; index < count; index += 1) {
    const value = (keys[index] as number) - min
    const upper = Math.floor(value / WORD)
    const lower = value - upper * WORD
    low[index] = lower
    high[index] = upper
    if (lower > maxLow) maxLow = lower
    if (upper > maxHigh) maxHigh = upper
  }
  let spare = new Uint32Array(count)
  const starts = new Uint32Array(1 << MAX_DIGIT_BITS)
  const pass = (word: Uint32Array, shift: number, bits: number): void => {
    const digits = 1 << bits
    const mask = digits - 1
    starts.fill(0, 0, digits)
    for (let index = 0; index < count; index += 1) {
      const digit = ((word[index] as number) >>> shift) & mask
      starts[digit] = (starts[digit] as number) + 1
    }
    let total = 0
    for (let digit = 0; digit < digits; digit += 1) {
      const size = starts[digit] as number
      starts[digit] = total
      total += size
    }
    for (let index = 0; index < count; index += 1) {
      const row = order[index] as number
      const digit = ((word[row] as number) >>> shift) & mask
      const at = starts[digit] as number
      spare[at] = row
      starts[digit] = at + 1
    }
    const sorted = spare
    spare = order
    order = sorted
  }
  // Only the bits some key has are sorted on, in as few passes as digits of at most 12 bits allow
  // (a count per digit value that stays in the processor's fastest cache).
  for (const [word, max] of [
    [low, maxLow],
    [high, maxHigh],
  ] as const) {
    const bits = 32 - Math.clz32(max)
    const passes = Math.ceil(bits / MAX_DIGIT_BITS)
    const digitBits = Math.ceil(bits / passes)
    for (let shift = 0; shift < bits; shift += digitBits) pass(word, shift, digitBits)
  }
  return order
}
