/**
 * The web shell's folder chooser in main: lists the sub-folders of folders it handed out,
 * starting at the home folder, so the page never names an arbitrary path to look into.
 */
import { readdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import { CodedError } from '../../../shared/errors'
import { LOCAL_FOLDERS_MAX, type LocalFolderListing } from '../../../shared/local-folders'

export type FolderBrowser = {
  list(folder: string | null): Promise<LocalFolderListing>
}

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

const unreadable = (folder: string, error: unknown): CodedError => {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return new CodedError('FILE_MISSING', `The folder ${folder} is not there any more.`)
  if (code === 'EACCES' || code === 'EPERM')
    return new CodedError('LOCAL_FILE_ERROR', `You may not open the folder ${folder}.`)
  if (code === 'ENOTDIR') return new CodedError('LOCAL_FILE_ERROR', `${folder} is not a folder.`)
  return new CodedError('LOCAL_FILE_ERROR', `The folder ${folder} could not be read.`)
}

export const createFolderBrowser = ({ home }: { readonly home: string }): FolderBrowser => {
  // Folders handed to the page: only these may be listed next.
  const handedOut = new Set<string>([path.resolve(home)])

  return {
    async list(asked) {
      const folder = path.resolve(asked ?? home)
      if (!handedOut.has(folder)) {
        throw new CodedError('INVALID_REQUEST', 'Pick a folder from the list.')
      }
      let entries
      try {
        // The real path, so a link to elsewhere shows where it leads before it is listed.
        entries = await readdir(await realpath(folder), { withFileTypes: true })
      } catch (error) {
        throw unreadable(folder, error)
      }
      const names = entries
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort(byName.compare)
      const folders = names
        .slice(0, LOCAL_FOLDERS_MAX)
        .map((name) => ({ name, path: path.join(folder, name) }))
      const parentPath = path.dirname(folder)
      const parent = parentPath === folder ? null : parentPath
      for (const shown of folders) handedOut.add(shown.path)
      if (parent) handedOut.add(parent)
      return {
        path: folder,
        parent,
        home: path.resolve(home),
        folders,
        truncated: names.length > LOCAL_FOLDERS_MAX,
      }
    },
  }
}
