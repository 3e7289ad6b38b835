/**
 * Where a sync's local deletes (and files it replaces) go: the OS trash in the desktop app
 * (Electron's shell.trashItem, injected), and in the web shell or plain Node a trash folder inside
 * the data folder, one dated folder per run, that the user can open and restore from.
 */
import { cp, mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/** Moves a file or empty folder out of the way; never deletes it for good. */
export type Trash = (file: string, relative: string) => Promise<void>

export const TRASH_FOLDER = 'sync-trash'

export const trashFolderOf = (dataDir: string): string => path.join(dataDir, TRASH_FOLDER)

/** A trash in the data folder: `<data>/sync-trash/<run time>/<relative path>`. */
export const createFolderTrash = (dataDir: string, now: () => Date = () => new Date()): Trash => {
  const runFolder = path.join(trashFolderOf(dataDir), now().toISOString().replace(/[:.]/g, '-'))
  return async (file, relative) => {
    const target = path.join(runFolder, ...relative.replace(/\/$/, '').split('/'))
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
    try {
      await rename(file, target)
    } catch (error) {
      // Another disk: copy, then remove the original only once the copy is whole.
      if ((error as { code?: string }).code !== 'EXDEV') throw error
      await cp(file, target, { recursive: true, preserveTimestamps: true })
      await rm(file, { recursive: true })
    }
  }
}

/** The OS trash through a function that takes a path (Electron: shell.trashItem). */
export const osTrash =
  (trashItem: (file: string) => Promise<void>): Trash =>
  (file) =>
    trashItem(file)
