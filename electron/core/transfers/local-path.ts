/**
 * Object key → a safe local path inside the download folder. Keys may hold anything (DSS.md §2:
 * `../`, a leading `/`, `\`, control characters), so every segment is made a plain file name that
 * is valid on Windows, macOS and Linux alike, whatever this machine runs.
 */
import path from 'node:path'

/** Windows refuses these as names, with or without an extension ("CON", "nul.txt", "COM1.log"). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i

/** Characters Windows forbids in names, control characters, and both path separators. */
// eslint-disable-next-line no-control-regex
const INVALID = /[<>:"/\\|?*\u0000-\u001f\u007f]/g

/** Most file systems allow 255 bytes per name; leave room for " (99)" and ".part". */
const MAX_NAME_BYTES = 240

const encoder = new TextEncoder()

/** Cuts a name to `max` UTF-8 bytes, keeping its extension and never splitting a character. */
const truncate = (name: string, max: number): string => {
  if (encoder.encode(name).length <= max) return name
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : ''
  let stem = name.slice(0, name.length - extension.length)
  const budget = max - encoder.encode(extension).length
  const characters = [...stem]
  while (characters.length > 0 && encoder.encode(characters.join('')).length > budget) {
    characters.pop()
  }
  stem = characters.join('')
  return stem + extension
}

/** One key segment as a file or folder name that means nothing special anywhere. */
export const safeSegment = (segment: string): string => {
  let name = segment.replace(INVALID, '_')
  // "." and ".." would walk the tree; Windows also drops trailing dots and spaces silently.
  if (/^\.+$/.test(name)) name = name.replace(/\./g, '_')
  name = name.replace(/[. ]+$/, (tail) => '_'.repeat(tail.length))
  if (RESERVED.test(name)) name = `_${name}`
  name = truncate(name, MAX_NAME_BYTES)
  return name === '' ? '_' : name
}

/**
 * The local segments of a key relative to what was picked: empty segments ('a//b', a leading or
 * trailing '/') are dropped, every other one made safe. Never empty.
 */
export const localSegments = (relativeKey: string): string[] => {
  const segments = relativeKey
    .split('/')
    .filter((segment) => segment !== '')
    .map(safeSegment)
  return segments.length > 0 ? segments : ['_']
}

/** Joins safe segments under a folder, and proves the result stays inside it. */
export const insideFolder = (folder: string, segments: readonly string[]): string => {
  const root = path.resolve(folder)
  const target = path.resolve(root, ...segments)
  if (!target.startsWith(root + path.sep)) {
    throw new Error(`refusing a path outside the download folder: ${target}`)
  }
  return target
}
