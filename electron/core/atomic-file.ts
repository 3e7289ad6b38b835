/** JSON files written atomically (temp file + rename), so a crash never leaves half a file. */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

export const readJson = async <T>(file: string, fallback: T): Promise<T> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return fallback
    throw error
  }
}

export const writeJsonAtomic = async (
  file: string,
  value: unknown,
  mode: number = 0o644,
): Promise<void> => {
  await mkdir(path.dirname(file), { recursive: true })
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode })
  await rename(temp, file)
}
