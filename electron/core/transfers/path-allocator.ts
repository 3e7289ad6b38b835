/**
 * Picks the local path of each download so nothing is ever overwritten: a name taken on disk or
 * by another download in progress gets " (1)", " (2)"…; folders merge into existing folders.
 * Names the target file system takes for one (case, Unicode normalisation) count as one.
 */
import { lstat } from 'node:fs/promises'
import path from 'node:path'
import { createNameRulesProbe, FOLD_ALL, nameKey, type NameRulesSource } from './local-name-rules'
import { firstFreeName } from './numbered-name'
import { insideFolder, localSegments } from './local-path'

export type PathAllocator = {
  /** A free file path for a key (its `.part` free too), claimed until `release`. */
  file(folder: string, relativeKey: string): Promise<string>
  /**
   * The key's own path even when a file is there (a download that will replace it), claimed
   * until `release`; a folder there, a `.part` there or a path claimed by another download in
   * progress still gets a numbered name.
   */
  replacing(folder: string, relativeKey: string): Promise<string>
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
  rulesFor: NameRulesSource = createNameRulesProbe(),
): PathAllocator => {
  /**
   * Claimed paths and what claimed them, grouped by their key under every folding: claiming
   * needs no file system rules, and a lookup compares the few paths in a group under the rules
   * of the folder it looks in.
   */
  const claims = new Map<string, Map<string, 'file' | 'folder'>>()

  const setClaim = (target: string, kind: 'file' | 'folder'): void => {
    const key = nameKey(target, FOLD_ALL)
    const group = claims.get(key) ?? new Map<string, 'file' | 'folder'>()
    claims.set(key, group.set(target, kind))
  }

  const dropClaim = (target: string): void => {
    const key = nameKey(target, FOLD_ALL)
    const group = claims.get(key)
    group?.delete(target)
    if (group?.size === 0) claims.delete(key)
  }

  /**
   * One allocation at a time: a name is looked up and claimed with awaits in between, so two
   * batches allocating at once could otherwise both find it free.
   */
  let turn: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const result = turn.then(work)
    turn = result.catch(() => undefined)
    return result
  }

  /** What claimed a path that is `target` on the file system of `target`'s folder, if any. */
  const claimOf = async (target: string): Promise<'file' | 'folder' | undefined> => {
    const group = claims.get(nameKey(target, FOLD_ALL))
    if (!group) return undefined
    const rules = await rulesFor(path.dirname(target))
    const wanted = nameKey(target, rules)
    for (const [claimed, kind] of group) {
      if (nameKey(claimed, rules) === wanted) return kind
    }
    return undefined
  }

  /** The folder for `segments` under `root`, claiming a numbered name when a file is in the way. */
  const folderFor = async (root: string, segments: readonly string[]): Promise<string> => {
    let current = path.resolve(root)
    for (const segment of segments) {
      const parent = current
      current = path.join(
        parent,
        await firstFreeName(segment, async (name) => {
          const candidate = path.join(parent, name)
          const claim = await claimOf(candidate)
          if (claim) return claim !== 'folder'
          return (await kindOnDisk(candidate)) === 'file'
        }),
      )
      setClaim(current, 'folder')
    }
    return current
  }

  /** A file path for a key, claimed; `mayBeThere` is what may already be at the path itself. */
  const claimFile = (
    folder: string,
    relativeKey: string,
    mayBeThere: 'missing' | 'file',
  ): Promise<string> => {
    const segments = localSegments(relativeKey)
    insideFolder(folder, segments)
    return oneAtATime(async () => {
      const parent = await folderFor(folder, segments.slice(0, -1))
      const name = await firstFreeName(segments.at(-1) ?? '_', async (candidate) => {
        const target = path.join(parent, candidate)
        if ((await claimOf(target)) || (await claimOf(`${target}.part`))) return true
        const there = await kindOnDisk(target)
        if (there !== 'missing' && there !== mayBeThere) return true
        return (await kindOnDisk(`${target}.part`)) !== 'missing'
      })
      const target = path.join(parent, name)
      setClaim(target, 'file')
      setClaim(`${target}.part`, 'file')
      return target
    })
  }

  return {
    file: (folder, relativeKey) => claimFile(folder, relativeKey, 'missing'),
    replacing: (folder, relativeKey) => claimFile(folder, relativeKey, 'file'),
    async folder(folder, relativeKey) {
      const segments = localSegments(relativeKey)
      insideFolder(folder, segments)
      return oneAtATime(() => folderFor(folder, segments))
    },
    claim(localPath) {
      setClaim(localPath, 'file')
      setClaim(`${localPath}.part`, 'file')
    },
    release(localPath) {
      dropClaim(localPath)
      dropClaim(`${localPath}.part`)
    },
  }
}
