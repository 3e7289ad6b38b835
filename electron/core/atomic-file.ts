/**
 * The app's files on disk: JSON written atomically and durably (a temp file, fsync, rename, fsync
 * of the folder, so neither a crash nor a power cut leaves half a file or loses a rename), files
 * readable by the user only, and files read back through a schema — one that does not parse is
 * set aside under a dated name for a person to look at, never trusted and never overwritten.
 */
import { randomBytes } from 'node:crypto'
import { chmod, mkdir, open, readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import type { z } from 'zod'
import { CodedError } from '../../shared/errors'

/** Folders the app makes for its data: the user's only. */
export const PRIVATE_DIR_MODE = 0o700
/** Files the app writes: the user's only (they hold accounts, links, paths). */
export const PRIVATE_FILE_MODE = 0o600

export const readJson = async <T>(file: string, fallback: T): Promise<T> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return fallback
    throw error
  }
}

/**
 * Flushes a folder's entries (a rename in it) to disk. Windows cannot open a folder for that, and
 * NTFS journals renames anyway: there it is skipped.
 */
export const syncDir = async (dir: string): Promise<void> => {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Makes a folder (and its parents) readable by the user only. */
export const makePrivateDir = async (dir: string): Promise<void> => {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
}

/** Writes text to `file` atomically and durably, readable by the user only (by default). */
export const writeFileAtomic = async (
  file: string,
  text: string,
  mode: number = PRIVATE_FILE_MODE,
): Promise<void> => {
  const dir = path.dirname(file)
  await makePrivateDir(dir)
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await open(temp, 'wx', mode)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  // A umask can take bits away from `mode` at creation, never add them: make it exact.
  await chmod(temp, mode)
  await rename(temp, file)
  await syncDir(dir)
}

export const writeJsonAtomic = (
  file: string,
  value: unknown,
  mode: number = PRIVATE_FILE_MODE,
): Promise<void> => writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, mode)

/** What a corrupt file was renamed to, told to whoever tells the user. */
export type SetAside = {
  readonly file: string
  readonly movedTo: string
}

export type OnSetAside = (setAside: SetAside) => void

/** `accounts.json` → `accounts.json.corrupt-2026-12-07T10-15-00-123Z`. */
export const setAsideName = (file: string, now: Date = new Date()): string =>
  `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`

/** Renames a file that cannot be used out of the way, and says where it went. */
export const setAsideFile = async (file: string, onSetAside: OnSetAside): Promise<void> => {
  const movedTo = setAsideName(file)
  await rename(file, movedTo)
  await syncDir(path.dirname(file)).catch(() => undefined)
  onSetAside({ file, movedTo })
}

/**
 * Reads a JSON file through its schema: the parsed value; `fallback` when there is no file; or,
 * when the file is not JSON or not of the schema's shape, the file is set aside and the app goes
 * on with what `salvage` could take from it (written back as the new file), else `fallback`. A
 * file that cannot be read at all (permissions) is an error: nothing is moved then.
 */
export const readValidated = async <S extends z.ZodType>(
  file: string,
  schema: S,
  fallback: z.output<S>,
  onSetAside: OnSetAside,
  salvage: (json: unknown) => z.output<S> | null = () => null,
): Promise<z.output<S>> => {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return fallback
    throw new CodedError(
      'LOCAL_FILE_ERROR',
      `DSS Explorer cannot read ${file}. Check that the file belongs to you and that you may read it.`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const parsed = json === undefined ? null : schema.safeParse(json)
  if (parsed?.success) return parsed.data
  const kept = json === undefined ? null : salvage(json)
  await setAsideFile(file, onSetAside)
  if (kept === null) return fallback
  await writeJsonAtomic(file, kept)
  return kept
}
