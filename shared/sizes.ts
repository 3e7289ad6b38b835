/**
 * The one way the app writes a size, in the window and in main's messages: binary multiples
 * (1 KiB = 1,024 bytes, as file browsers count) labelled as such, so "50 MiB" is never "50 MB".
 */

const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const

/** `1 byte`, `512 bytes`, `1.5 KiB`, `50 MiB`, `12 GiB` (one decimal below 10, in the user's locale). */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes.toLocaleString()} bytes`
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  // 1023.96 KiB rounds to "1,024 KiB": say "1 MiB" instead.
  if (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  const digits = value < 10 ? 1 : 0
  return `${value.toLocaleString(undefined, { maximumFractionDigits: digits })} ${UNITS[unit]}`
}
