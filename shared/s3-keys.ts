/**
 * S3 key and prefix helpers. Keys are opaque byte strings to S3: these helpers never normalise
 * Unicode, never resolve `..` and never trim, so a key round-trips exactly as stored.
 */

export const MAX_KEY_BYTES = 1024

const encoder = new TextEncoder()

export const keyByteLength = (key: string): number => encoder.encode(key).length

export const isFolderKey = (key: string): boolean => key.endsWith('/')

/**
 * S3's listing order: by the keys' UTF-8 bytes. JavaScript's `<` compares UTF-16 units, which
 * puts an emoji (a surrogate pair) before U+E000–U+FFFF, where the bytes put it after.
 */
export const compareKeys = (a: string, b: string): number => {
  const left = encoder.encode(a)
  const right = encoder.encode(b)
  const length = Math.min(left.length, right.length)
  for (let index = 0; index < length; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0)
    if (difference !== 0) return difference
  }
  return left.length - right.length
}

/** Joins a folder prefix ('' for the bucket root) and a name into a key. */
export const joinKey = (prefix: string, name: string): string => {
  if (prefix === '') return name
  return isFolderKey(prefix) ? prefix + name : `${prefix}/${name}`
}

/** The folder prefix containing a key or folder: 'a/b/c' → 'a/b/', 'a/b/' → 'a/', 'a' → ''. */
export const parentPrefix = (key: string): string => {
  const trimmed = isFolderKey(key) ? key.slice(0, -1) : key
  const slash = trimmed.lastIndexOf('/')
  return slash === -1 ? '' : trimmed.slice(0, slash + 1)
}

/** The last segment of a key or folder, without the trailing slash: 'a/b/' → 'b'. */
export const baseName = (key: string): string => {
  const trimmed = isFolderKey(key) ? key.slice(0, -1) : key
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

/** Folder prefixes from the root to `prefix`, for breadcrumbs: 'a/b/' → ['a/', 'a/b/']. */
export const prefixChain = (prefix: string): string[] => {
  const chain: string[] = []
  let at = prefix.indexOf('/')
  while (at !== -1) {
    chain.push(prefix.slice(0, at + 1))
    at = prefix.indexOf('/', at + 1)
  }
  return chain
}

/** Why a key cannot be stored, or null when it can. */
export const keyProblem = (key: string): string | null => {
  if (key.length === 0) return 'An object key cannot be empty.'
  const bytes = keyByteLength(key)
  if (bytes > MAX_KEY_BYTES) {
    return `This key is ${bytes} bytes of UTF-8; S3 allows at most ${MAX_KEY_BYTES}.`
  }
  return null
}

/**
 * Why a folder name typed by a user cannot be used, or null. S3 would store `.`, `..` and a name
 * of spaces, but file managers cannot show or download them as folders, so they are refused here;
 * other names keep their spaces exactly as typed.
 */
export const folderNameProblem = (name: string): string | null => {
  if (name.length === 0) return 'A folder name cannot be empty.'
  if (name.trim() === '') return 'A folder name cannot be only spaces.'
  if (name === '.' || name === '..') return `A folder cannot be named "${name}".`
  if (name.includes('/')) return 'A folder name cannot contain "/".'
  return null
}
