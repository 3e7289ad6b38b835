/**
 * Which built renderer file an app:// request names, or null for anything that is not one: another
 * host or scheme, a `..` or `.` segment (also percent-encoded), a separator or NUL hidden in a
 * segment, or a path that would leave the renderer's folder.
 */
import path from 'node:path'
import { contentTypeFor } from '../../../shared/content-types'
import { isAppUrl } from './app-url'

export type AppFile = { readonly file: string; readonly contentType: string }

const decodeSegment = (segment: string): string | null => {
  try {
    const decoded = decodeURIComponent(segment)
    const unsafe =
      decoded === '.' || decoded === '..' || /[/\\\0]/.test(decoded) || decoded.includes(':')
    return unsafe ? null : decoded
  } catch {
    return null
  }
}

/** `paths` is node:path for this OS; tests pass path.win32 to check Windows separators. */
export const appRequestFile = (
  url: string,
  rendererDir: string,
  paths: path.PlatformPath = path,
): AppFile | null => {
  if (!isAppUrl(url)) return null
  const parsed = new URL(url)
  const raw = parsed.pathname === '/' || parsed.pathname === '' ? '/index.html' : parsed.pathname
  const segments = raw.slice(1).split('/').map(decodeSegment)
  if (segments.some((segment) => segment === null || segment === '')) return null
  const root = paths.resolve(rendererDir)
  const file = paths.join(root, ...(segments as string[]))
  const relative = paths.relative(root, file)
  if (relative === '' || relative.startsWith('..') || paths.isAbsolute(relative)) return null
  return { file, contentType: contentTypeFor(file.replaceAll('\\', '/')) }
}
