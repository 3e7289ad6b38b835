/**
 * Choosing a local folder: the web shell has no OS dialog, so main lists sub-folders for an
 * in-app chooser (names only, never file contents); Electron asks the OS dialog instead.
 */
import { z } from 'zod'

export type LocalFolder = { readonly name: string; readonly path: string }

export type LocalFolderListing = {
  /** The folder listed (absolute). */
  readonly path: string
  /** Its parent, null at the root of the file system. */
  readonly parent: string | null
  /** The user's home folder, where the chooser starts. */
  readonly home: string
  /** Its sub-folders by name (symbolic links are not followed). */
  readonly folders: readonly LocalFolder[]
  /** More sub-folders than are listed (at most LOCAL_FOLDERS_MAX). */
  readonly truncated: boolean
}

/** A chooser lists at most this many sub-folders of one folder. */
export const LOCAL_FOLDERS_MAX = 2000

/** null: the home folder; else a folder main listed before (a folder of a listing, or its parent). */
export const localFoldersRequest = z.strictObject({ path: z.string().min(1).max(4096).nullable() })

/** Electron only: the OS folder dialog's title and the folder it opens at. */
export const chooseFolderRequest = z.strictObject({
  title: z.string().min(1).max(200),
  defaultPath: z.string().min(1).max(4096).nullable(),
})
export type ChooseFolderRequest = z.input<typeof chooseFolderRequest>
