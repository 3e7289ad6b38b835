/**
 * Turns an OS drop into files with relative paths and empty folders. Folders are walked through
 * the entry API (`webkitGetAsEntry`, `readEntries` until it returns nothing); `dataTransfer.files`
 * lists a dropped folder as an unreadable "file", so it is used only when there are no entries.
 */
import type { PickedFile, PickedUpload } from '../../store/upload-batch'
import { nothingPicked } from '../../store/upload-batch'

/** Whether a drag carries files from the OS (not text or an element of the page). */
export const carriesFiles = (data: DataTransfer | null): boolean =>
  data !== null && data.types.includes('Files')

const merge = (parts: readonly PickedUpload[]): PickedUpload => ({
  files: parts.flatMap((part) => part.files),
  folders: parts.flatMap((part) => part.folders),
})

const fileOf = (entry: FileSystemFileEntry): Promise<File> =>
  new Promise((resolve, reject) => entry.file(resolve, reject))

/** All of a folder's entries: one `readEntries` call gives at most about 100. */
const childrenOf = async (entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> => {
  const reader = entry.createReader()
  const children: FileSystemEntry[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    )
    if (batch.length === 0) return children
    children.push(...batch)
  }
}

const isFileEntry = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile
const isFolderEntry = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry =>
  entry.isDirectory

/** A dropped file or folder, `parent` being its folder's path relative to the drop ('' or 'a/'). */
const walk = async (entry: FileSystemEntry, parent: string): Promise<PickedUpload> => {
  if (isFileEntry(entry)) {
    const file: PickedFile = { file: await fileOf(entry), relativePath: parent + entry.name }
    return { files: [file], folders: [] }
  }
  if (!isFolderEntry(entry)) return nothingPicked
  const path = `${parent}${entry.name}/`
  const children = await childrenOf(entry)
  // A folder with nothing in it becomes a folder marker; any other is implied by its contents.
  if (children.length === 0) return { files: [], folders: [path] }
  return merge(await Promise.all(children.map((child) => walk(child, path))))
}

/**
 * Reads a drop. Call it during the `drop` event: the items can be read only then (the walk
 * itself continues after).
 */
export const readDrop = (data: DataTransfer): Promise<PickedUpload> => {
  const entries: FileSystemEntry[] = []
  const loose: File[] = []
  for (const item of data.items) {
    if (item.kind !== 'file') continue
    const entry = item.webkitGetAsEntry()
    const file = entry ? null : item.getAsFile()
    if (entry) entries.push(entry)
    else if (file) loose.push(file)
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...data.files)
  const looseFiles: PickedUpload = {
    files: loose.map((file) => ({ file, relativePath: file.name })),
    folders: [],
  }
  return Promise.all(entries.map((entry) => walk(entry, ''))).then((walked) =>
    merge([...walked, looseFiles]),
  )
}
