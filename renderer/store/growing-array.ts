/**
 * Typed arrays that grow by doubling as a listing's pages arrive, shared by the successive values
 * derived from the listing (each holds the first `count` slots). Each array records how far it is
 * filled, so extending an older value a second time copies instead of writing over the slots a
 * newer value holds.
 */

const filled = new WeakMap<Uint32Array | Float64Array, number>()

/**
 * An array holding the first `used` slots of `array`, with room for `needed`, its slots from
 * `used` on the caller's to fill: `array` itself when that is free, else a larger copy.
 */
export const roomFor = <T extends Uint32Array | Float64Array>(
  array: T,
  used: number,
  needed: number,
  make: (length: number) => T,
): T => {
  if (needed <= array.length && filled.get(array) === used) {
    filled.set(array, needed)
    return array
  }
  const larger = make(Math.max(needed, array.length * 2))
  larger.set(array.subarray(0, used))
  filled.set(larger, needed)
  return larger
}
