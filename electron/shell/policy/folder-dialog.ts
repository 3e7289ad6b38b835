/**
 * The OS folder dialog's decisions: what it is asked (from a request the page sent, checked) and
 * which folder its answer means. Electron's dialog call itself lives in ipc.ts.
 */
import path from 'node:path'
import { chooseFolderRequest } from '../../../shared/local-folders'

export type FolderDialogOptions = {
  readonly title: string
  readonly defaultPath?: string
  readonly properties: ('openDirectory' | 'createDirectory' | 'dontAddToRecent')[]
}

/** null when the page's request is not one the dialog may be opened with. */
export const folderDialogOptions = (request: unknown): FolderDialogOptions | null => {
  const parsed = chooseFolderRequest.safeParse(request)
  if (!parsed.success) return null
  const { title, defaultPath } = parsed.data
  return {
    title,
    // Only an absolute path is a place to open at; anything else opens the OS's default.
    ...(defaultPath && path.isAbsolute(defaultPath) ? { defaultPath } : {}),
    properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
  }
}

/** The folder the user chose, or null when the dialog was cancelled. */
export const chosenFolder = (answer: {
  readonly canceled: boolean
  readonly filePaths: readonly string[]
}): string | null => {
  const [first] = answer.filePaths
  return answer.canceled || first === undefined || !path.isAbsolute(first) ? null : first
}
