/**
 * The web shell's token, kept in the data folder: a shell restarted with the same folder (on the
 * same port) takes the same token, so an open tab reconnects instead of being refused. The file
 * is the user's alone, like the rest of the folder it guards.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

const FILE = 'web-shell-token'
/** 24 random bytes in base64url, as written below. */
const WELL_FORMED = /^[A-Za-z0-9_-]{32}$/

export const loadShellToken = async (dataDir: string): Promise<string> => {
  const file = path.join(dataDir, FILE)
  const stored = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => null,
  )
  if (stored !== null && WELL_FORMED.test(stored)) return stored
  // Missing or damaged (a torn write): a fresh one; tabs holding the old token are refused.
  const token = randomBytes(24).toString('base64url')
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  await writeFile(file, token, { mode: 0o600 })
  return token
}
