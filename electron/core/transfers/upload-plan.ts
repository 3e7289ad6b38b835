/**
 * Turns an upload request into the keys to write: files under the prefix, empty folders as
 * zero-byte `name/` markers, and name clashes settled once for the batch (overwrite, skip, or keep
 * both as "name (1).ext").
 */
import { CodedError } from '../../../shared/errors'
import { isFolderKey, joinKey, keyProblem } from '../../../shared/s3-keys'
import type { ConflictPolicy, FileSource } from '../../../shared/transfers'
import { firstFreeName } from './numbered-name'

export type PlannedFile = { readonly key: string; readonly source: FileSource }

export type UploadPlan = {
  readonly files: readonly PlannedFile[]
  /** Folder markers to create (those already there are left alone). */
  readonly folders: readonly string[]
  readonly skipped: readonly string[]
}

const checked = (key: string): string => {
  const problem = keyProblem(key)
  if (problem) throw new CodedError('INVALID_KEY', `${problem} (${key.slice(0, 200)})`)
  return key
}

/** Every key the request would write, before clashes are settled. */
export const requestedKeys = (
  prefix: string,
  files: readonly { readonly relativeKey: string }[],
  folders: readonly string[],
): { files: string[]; folders: string[] } => ({
  files: files.map((file) => checked(joinKey(prefix, file.relativeKey))),
  folders: folders.map((folder) => {
    const key = joinKey(prefix, folder)
    return checked(isFolderKey(key) ? key : `${key}/`)
  }),
})

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
  const keys = requestedKeys(request.prefix, request.files, request.folders)
  const stored =
    request.conflict === 'overwrite' && keys.folders.length === 0
      ? new Set<string>()
      : await existing([...keys.files, ...keys.folders])
  const folders = [...new Set(keys.folders)].filter((key) => !stored.has(key))
  const skipped: string[] = []
  const files: PlannedFile[] = []
  /** Keys this batch writes, so two files never land on one key. */
  const claimed = new Set<string>()
  for (const [index, file] of request.files.entries()) {
    const wanted = keys.files[index] as string
    const clash = stored.has(wanted) || claimed.has(wanted)
    if (clash && request.conflict === 'skip') {
      skipped.push(wanted)
      continue
    }
    const key =
      clash && request.conflict === 'keep-both'
        ? checked(await firstFreeName(wanted, (name) => stored.has(name) || claimed.has(name)))
        : wanted
    claimed.add(key)
    files.push({ key, source: file.source })
  }
  return { files, folders, skipped }
}
