/**
 * Turns an upload request into the keys to write: files under the prefix, empty folders as
 * zero-byte `name/` markers, and name clashes settled once for the batch (overwrite, skip, or keep
 * both as "name (1).ext"). A file or folder whose key S3 cannot take is set apart with its reason:
 * it fails alone, not the batch.
 */
import {
  MAX_KEY_BYTES,
  isFolderKey,
  joinKey,
  keyByteLength,
  keyProblem as s3KeyProblem,
} from '../../../shared/s3-keys'
import type { ConflictPolicy, FileSource } from '../../../shared/transfers'
import { settleName } from '../name-clash'

export type PlannedFile = { readonly key: string; readonly source: FileSource }

/** A file (with its source) or a folder (source null) whose key cannot be written. */
export type RejectedItem = {
  readonly key: string
  readonly source: FileSource | null
  readonly problem: string
  /** INVALID_KEY for a name S3 cannot take; FILE_CHANGED for a file that could not be read. */
  readonly code: 'INVALID_KEY' | 'FILE_CHANGED'
}

export type UploadPlan = {
  readonly files: readonly PlannedFile[]
  /** Folder markers to create (those already there are left alone). */
  readonly folders: readonly string[]
  readonly skipped: readonly string[]
  readonly rejected: readonly RejectedItem[]
}

/** Why S3 cannot take this key, said of the item being uploaded; null when it can. */
const keyProblem = (key: string): string | null => {
  const bytes = keyByteLength(key)
  if (bytes <= MAX_KEY_BYTES) return s3KeyProblem(key)
  const count = (value: number) => value.toLocaleString('en-US')
  return `Its name in the bucket would be ${count(bytes)} bytes long; S3 allows at most ${count(MAX_KEY_BYTES)}.`
}

const folderKey = (prefix: string, folder: string): string => {
  const key = joinKey(prefix, folder)
  return isFolderKey(key) ? key : `${key}/`
}

export const planUpload = async (
  request: {
    readonly prefix: string
    readonly files: readonly { readonly source: FileSource; readonly relativeKey: string }[]
    readonly folders: readonly string[]
    readonly conflict: ConflictPolicy
  },
  /** Keys that exist in the bucket (only asked for when the policy needs it). */
  existing: (keys: readonly string[]) => Promise<ReadonlySet<string>>,
): Promise<UploadPlan> => {
  const rejected: RejectedItem[] = []
  const wantedFiles: PlannedFile[] = []
  for (const file of request.files) {
    const key = joinKey(request.prefix, file.relativeKey)
    if (file.source.kind === 'unreadable') {
      rejected.push({
        key,
        source: file.source,
        problem: file.source.problem,
        code: 'FILE_CHANGED',
      })
      continue
    }
    const problem = keyProblem(key)
    if (problem) rejected.push({ key, source: file.source, problem, code: 'INVALID_KEY' })
    else wantedFiles.push({ key, source: file.source })
  }
  const wantedFolders: string[] = []
  for (const folder of request.folders) {
    const key = folderKey(request.prefix, folder)
    const problem = keyProblem(key)
    if (problem) rejected.push({ key, source: null, problem, code: 'INVALID_KEY' })
    else wantedFolders.push(key)
  }
  const stored =
    request.conflict === 'overwrite' && wantedFolders.length === 0
      ? new Set<string>()
      : await existing([...wantedFiles.map((file) => file.key), ...wantedFolders])
  const folders = [...new Set(wantedFolders)].filter((key) => !stored.has(key))
  const skipped: string[] = []
  const files: PlannedFile[] = []
  /** Keys this batch writes, so two files never land on one key. */
  const claimed = new Set<string>()
  for (const { key: wanted, source } of wantedFiles) {
    const key = settleName(
      wanted,
      request.conflict,
      (name) => stored.has(name) || claimed.has(name),
    )
    if (key === null) {
      skipped.push(wanted)
      continue
    }
    // " (1)" can push a key that just fit over the limit.
    const problem = keyProblem(key)
    if (problem) {
      rejected.push({ key, source, problem, code: 'INVALID_KEY' })
      continue
    }
    claimed.add(key)
    files.push({ key, source })
  }
  return { files, folders, skipped, rejected }
}
