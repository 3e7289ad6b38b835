/**
 * Guesses where to cut the rest of a listing into ranges, from the keys a page just showed: keys
 * become numbers in a mixed radix whose digits at each position are the characters seen there
 * (widened to their class: digits, lower- or upper-case letters), so "object-000999" plus a
 * page's span lands on "object-001999". Only a guess: a listing is exact whatever it returns.
 */

/** A UTF-16 unit placed where its code point's UTF-8 bytes sort (surrogates above U+FFFF). */
const lift = (unit: number): number =>
  unit >= 0xd800 ? (unit < 0xe000 ? unit + 0x2000 : unit - 0x800) : unit

/**
 * S3's order (UTF-8 bytes, which is code point order) without encoding: UTF-16 units compare the
 * same way except that surrogates (U+D800–U+DFFF, the halves of U+10000 and up) must sort above
 * U+E000–U+FFFF. `compareKeys` of shared/s3-keys.ts, at a fraction of the cost per entry.
 */
export const compareNames = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length)
  for (let index = 0; index < length; index += 1) {
    const left = a.charCodeAt(index)
    const right = b.charCodeAt(index)
    if (left !== right) return lift(left) - lift(right)
  }
  return a.length - b.length
}

/** Positions past this many code points after the listing's prefix are not looked at. */
const MAX_POSITIONS = 48
/** A position with "other" characters spread wider than this keeps only the ones seen. */
const MAX_SPREAD = 4096

type Position = {
  /** Code points in byte order (code point order is UTF-8 byte order). */
  readonly alphabet: readonly number[]
  /** Whether a key may end here (digit 0), below every character. */
  readonly canEnd: boolean
}

export type KeyScale = {
  toValue(key: string): bigint
  /** The key of a value, or null above the largest the scale can write. */
  fromValue(value: bigint): string | null
}

const span = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index)

const classOf = (point: number): number[] | null => {
  if (point >= 0x30 && point <= 0x39) return span(0x30, 0x39)
  if (point >= 0x61 && point <= 0x7a) return span(0x61, 0x7a)
  if (point >= 0x41 && point <= 0x5a) return span(0x41, 0x5a)
  return null
}

const isSurrogate = (point: number): boolean => point >= 0xd800 && point <= 0xdfff

const positionOf = (seen: readonly (number | undefined)[]): Position => {
  const points = new Set<number>()
  const others: number[] = []
  for (const point of seen) {
    if (point === undefined) continue
    const wide = classOf(point)
    if (wide) wide.forEach((member) => points.add(member))
    else others.push(point)
  }
  if (others.length > 0) {
    const low = Math.min(...others)
    const high = Math.max(...others)
    const spread = high - low < MAX_SPREAD ? span(low, high) : others
    spread.filter((point) => !isSurrogate(point)).forEach((point) => points.add(point))
  }
  return { alphabet: [...points].sort((a, b) => a - b), canEnd: seen.includes(undefined) }
}

const radixOf = (position: Position): bigint =>
  BigInt(position.alphabet.length + (position.canEnd ? 1 : 0))

/** The digit of a code point: its place in the alphabet, or the nearest one below it. */
const digitOf = (position: Position, point: number | undefined): bigint => {
  const offset = position.canEnd ? 1 : 0
  if (point === undefined) return 0n
  let below = -1
  for (let index = 0; index < position.alphabet.length; index += 1) {
    if ((position.alphabet[index] ?? 0) <= point) below = index
    else break
  }
  return BigInt(Math.max(0, below + offset))
}

/**
 * A scale fitted to two keys of a listing under `prefix` (both start with it). Positions inside
 * the prefix never change, so a guess never leaves the listing.
 */
export const keyScale = (first: string, last: string, prefix: string): KeyScale => {
  const fixed = [...prefix].length
  const a = [...first]
  const b = [...last]
  const length = Math.min(Math.max(a.length, b.length), fixed + MAX_POSITIONS)
  const positions: Position[] = []
  for (let at = fixed; at < length; at += 1) {
    positions.push(positionOf([a[at]?.codePointAt(0), b[at]?.codePointAt(0)]))
  }
  const radices = positions.map(radixOf)
  const top = radices.reduce((product, radix) => product * radix, 1n)
  return {
    toValue(key) {
      const points = [...key].slice(fixed).map((char) => char.codePointAt(0))
      return positions.reduce(
        (value, position, index) =>
          value * (radices[index] ?? 1n) + digitOf(position, points[index]),
        0n,
      )
    },
    fromValue(value) {
      if (value < 0n || value >= top) return null
      const digits: bigint[] = []
      let rest = value
      for (let index = positions.length - 1; index >= 0; index -= 1) {
        const radix = radices[index] ?? 1n
        digits.unshift(rest % radix)
        rest /= radix
      }
      // A key cannot end and then go on: an "end" followed by more takes the lowest character.
      let used = digits.length
      while (used > 0 && digits[used - 1] === 0n && positions[used - 1]?.canEnd) used -= 1
      let key = ''
      for (let index = 0; index < used; index += 1) {
        const position = positions[index]
        if (!position) break
        const offset = position.canEnd ? 1 : 0
        const digit = Number(digits[index] ?? 0n) - offset
        key += String.fromCodePoint(position.alphabet[Math.max(0, digit)] ?? 0x20)
      }
      return prefix + key
    },
  }
}

/** Keeps the keys that rise strictly from `after` and stay below `before` (when given). */
const rising = (keys: readonly (string | null)[], after: string, before: string | null) => {
  const kept: string[] = []
  let floor = after
  for (const key of keys) {
    if (key === null) break
    if (compareNames(key, floor) <= 0) continue
    if (before !== null && compareNames(key, before) >= 0) break
    kept.push(key)
    floor = key
  }
  return kept
}

/** What a page showed: its first and last entries, how many, and how many a full page holds. */
export type PageSpan = {
  readonly first: string
  readonly last: string
  readonly count: number
  readonly pageSize: number
}

const pageStep = (scale: KeyScale, page: PageSpan): bigint => {
  const width = scale.toValue(page.last) - scale.toValue(page.first)
  if (width <= 0n || page.count < 2) return 0n
  return (width * BigInt(page.pageSize)) / BigInt(page.count - 1)
}

/**
 * How many pages, about, hold the keys from `from` to `to` (rounded up), by the page's density:
 * one scale fitted to the page, for measuring any number of spans.
 */
export const pageMeasure = (page: PageSpan, prefix: string) => {
  const scale = keyScale(page.first, page.last, prefix)
  const step = pageStep(scale, page)
  return (from: string, to: string): number => {
    const width = scale.toValue(to) - scale.toValue(from)
    if (step === 0n || width <= 0n) return 0
    return Number(width / step) + (width % step > 0n ? 1 : 0)
  }
}

/**
 * Cuts for an open end (nothing known past the page): at 1, 2, 3, 4, 6, 8 … pages' worth after
 * its last key up to `dense` pages, then at every doubling up to `farthest`, so a listing of
 * unknown length is spread at once as wide as is useful, and past its end only a few requests
 * find nothing.
 */
export const cutsAhead = (
  page: PageSpan,
  prefix: string,
  farthest: number,
  dense: number = farthest,
): string[] => {
  const scale = keyScale(page.first, page.last, prefix)
  const step = pageStep(scale, page)
  if (step === 0n) return []
  const from = scale.toValue(page.last)
  const guesses: (string | null)[] = []
  // 1, 2, 3, 4, 6, 8, 12, 16 …: many ranges at once near the start, few past a short end.
  for (let power = 1; power <= farthest; power *= 2) {
    guesses.push(scale.fromValue(from + step * BigInt(power)))
    const between = power + power / 2
    if (power >= 2 && between < power * 2 && between <= Math.min(farthest, dense)) {
      guesses.push(scale.fromValue(from + step * BigInt(between)))
    }
  }
  return rising(guesses, page.last, null)
}

/**
 * Cuts of the rest of a range, from `page.last` to `end`, into at most `pieces` pieces of at
 * least `minPages` pages' worth each (as far as the page lets us guess); none when it is small.
 */
export const cutsWithin = (
  page: PageSpan,
  prefix: string,
  end: string,
  pieces: number,
  minPages: number,
): string[] => {
  const scale = keyScale(page.first, page.last, prefix)
  const step = pageStep(scale, page)
  const from = scale.toValue(page.last)
  const width = scale.toValue(end) - from
  if (step === 0n || width <= 0n) return []
  // Whole pages a piece, so a piece of evenly spread keys ends where one of its pages ends.
  const pagesLeft = width / step
  const perPiece = BigInt(Math.max(minPages, Math.ceil(Number(pagesLeft) / Math.max(1, pieces))))
  if (pagesLeft < perPiece * 2n) return []
  const guesses: (string | null)[] = []
  for (let at = from + step * perPiece; at < from + width; at += step * perPiece) {
    guesses.push(scale.fromValue(at))
    if (guesses.length >= pieces - 1) break
  }
  return rising(guesses, page.last, end)
}
