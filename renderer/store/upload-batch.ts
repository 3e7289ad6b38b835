/**
 * What the user picked or dropped to upload, as plain data: files with their '/'-separated paths
 * relative to the drop, and empty folders. Plus how a batch is named and cut into commands.
 */
import { joinKey } from '../../shared/s3-keys'

export type PickedFile = {
  readonly file: File
  /** 'photos/2024/a.jpg' for a file inside a dropped folder, else the file's name. */
  readonly relativePath: string
}

export type PickedUpload = {
  readonly files: readonly PickedFile[]
  /** Empty folders, relative and ending in '/', e.g. 'photos/empty/'. */
  readonly folders: readonly string[]
}

export const nothingPicked: PickedUpload = { files: [], folders: [] }

/** The key each file would get under `prefix`. */
export const targetKeys = (prefix: string, files: readonly PickedFile[]): string[] =>
  files.map((file) => joinKey(prefix, file.relativePath))

/** What a batch is called in the transfers panel: the one file or folder dropped, or a count. */
export const batchName = (picked: PickedUpload): string => {
  const tops = new Set(
    [...picked.files.map((file) => file.relativePath), ...picked.folders].map((path) => {
      const slash = path.indexOf('/')
      return slash === -1 ? path : path.slice(0, slash + 1)
    }),
  )
  if (tops.size !== 1) return `${tops.size.toLocaleString()} items`
  const [top = ''] = tops
  return top
}

export type UploadChunk = {
  readonly files: readonly PickedFile[]
  readonly folders: readonly string[]
}

/**
 * A batch cut into the commands that queue it: a file list of many thousands would overflow one
 * message, and in the web shell the first files start uploading while later ones are staged.
 */
export const chunksOf = (
  picked: PickedUpload,
  limits: { readonly files: number; readonly bytes: number },
): UploadChunk[] => {
  const chunks: UploadChunk[] = []
  let files: PickedFile[] = []
  let bytes = 0
  for (const file of picked.files) {
    if (
      files.length > 0 &&
      (files.length >= limits.files || bytes + file.file.size > limits.bytes)
    ) {
      chunks.push({ files, folders: [] })
      files = []
      bytes = 0
    }
    files.push(file)
    bytes += file.file.size
  }
  if (files.length > 0 || picked.folders.length > 0) chunks.push({ files, folders: [] })
  const [first, ...rest] = chunks
  // Empty folders go with the first command.
  return first ? [{ ...first, folders: picked.folders }, ...rest] : []
}

/** Runs `work` on every item, at most `limit` at once; stops starting new ones after a failure. */
export const runLimited = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<boolean>,
): Promise<boolean> => {
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++] as T
      if (!(await work(item))) failed = true
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return !failed
}
