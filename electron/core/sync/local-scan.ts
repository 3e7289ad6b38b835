/**
 * The local side of a sync: a walk of the folder with stat only (no file is read). Symbolic links
 * are skipped with a reason (following them could leave the folder or loop); only empty folders
 * are entries of their own, as a folder with files is implied by them (the remote side agrees).
 */
import { lstat, readdir } from 'node:fs/promises'
import path from 'node:path'
import { CodedError } from '../../../shared/errors'
import type { LocalEntry, SideScan, Skipped } from './side-entries'

export type LocalScanProgress = (files: number) => void

const notFolder = (root: string): CodedError =>
  new CodedError('FILE_MISSING', `The local folder ${root} does not exist or is not a folder.`)

export const scanLocal = async (
  root: string,
  signal?: AbortSignal,
  progress: LocalScanProgress = () => undefined,
): Promise<SideScan<LocalEntry>> => {
  const info = await lstat(root).catch(() => null)
  if (!info?.isDirectory()) throw notFolder(root)
  const entries = new Map<string, LocalEntry>()
  const skipped: Skipped[] = []
  let files = 0
  const walk = async (dir: string, relative: string): Promise<void> => {
    signal?.throwIfAborted()
    const children = await readdir(dir, { withFileTypes: true })
    if (children.length === 0 && relative !== '') {
      entries.set(relative, { kind: 'folder' })
      return
    }
    for (const child of children) {
      const rel = `${relative}${child.name}`
      const full = path.join(dir, child.name)
      if (child.isSymbolicLink()) {
        skipped.push({ path: rel, reason: 'A symbolic link: links are not followed.' })
      } else if (child.isDirectory()) {
        await walk(full, `${rel}/`)
      } else if (child.isFile()) {
        const stat = await lstat(full).catch(() => null)
        // Gone between the listing and the stat: it is simply not there.
        if (!stat) continue
        entries.set(rel, { kind: 'file', size: stat.size, mtimeMs: Math.floor(stat.mtimeMs) })
        files += 1
        if (files % 500 === 0) progress(files)
      } else {
        skipped.push({ path: rel, reason: 'Not a regular file (a device, socket or pipe).' })
      }
    }
  }
  await walk(root, '')
  progress(files)
  return { entries, skipped }
}
