/**
 * Picks the local path of each download so nothing is ever overwritten: a name taken on disk or
 * by another download in progress gets " (1)", " (2)"…; folders merge into existing folders.
 */
import { lstat } from 'node:fs/promises'
import path from 'node:path'
import { firstFreeName } from './numbered-name'
import { insideFolder, localSegments } from './local-path'

export type PathAllocator = {
  /** A free file path for a key (its `.part` free too), claimed until `release`. */
  file(folder: string, relativeKey: string): Promise<string>
  /** A folder path for a folder key (an existing folder is reused). */
  folder(folder: string, relativeKey: string): Promise<string>
  /** Claims a path chosen in an earlier run (a download restored from the journal). */
  claim(localPath: string): void
  release(localPath: string): void
}

type Kind = 'file' | 'folder' | 'missing'

const kindOnDisk = async (target: string): Promise<Kind> => {
  try {
    return (await lstat(target)).isDirectory() ? 'folder' : 'file'
  } catch {
    return 'missing'
  }
}

export const createPathAllocator = (
  caseInsensitive = process.platform === 'win32' || process.platform === 'darwin',
): PathAllocator => {
  /** Claimed paths (normalised) and what claimed them. */
  const claims = new Map<string, 'file' | 'folder'>()
  const norm = (target: string): string => (caseInsensitive ? target.toLowerCase() : target)

  /** The folder for `segments` under `root`, claiming a numbered name when a file is in the way. */
  const folderFor = async (root: string, segments: readonly string[]): Promise<string> => {
    let current = path.resolve(root)
    for (const segment of segments) {
      const parent = current
      current = path.join(
        parent,
        await firstFreeName(segment, async (name) => {
          const candidate = path.join(parent, name)
          const claim = claims.get(norm(candidate))
          if (claim) return claim !== 'folder'
          return (await kindOnDisk(candidate)) === 'file'
        }),
      )
      claims.set(norm(current), 'folder')
    }
    return current
  }

  return {
    async file(folder, relativeKey) {
      const segments = localSegments(relativeKey)
      insideFolder(folder, segments)
      const parent = await folderFor(folder, segments.slice(0, -1))
      const name = await firstFreeName(segments.at(-1) ?? '_', async (candidate) => {
        const target = path.join(parent, candidate)
        if (claims.has(norm(target)) || claims.has(norm(`${target}.part`))) return true
        return (
          (await kindOnDisk(target)) !== 'missing' ||
          (await kindOnDisk(`${target}.part`)) !== 'missing'
        )
      })
      const target = path.join(parent, name)
      claims.set(norm(target), 'file')
      claims.set(norm(`${target}.part`), 'file')
      return target
    },
    async folder(folder, relativeKey) {
      const segments = localSegments(relativeKey)
      insideFolder(folder, segments)
      return folderFor(folder, segments)
    },
    claim(localPath) {
      claims.set(norm(localPath), 'file')
      claims.set(norm(`${localPath}.part`), 'file')
    },
    release(localPath) {
      claims.delete(norm(localPath))
      claims.delete(norm(`${localPath}.part`))
    },
  }
}
