/**
 * The data folder is the user's alone: accounts, links and paths are nobody else's business. New
 * folders and files are made that way (atomic-file.ts); this puts right what an earlier build (or
 * a copy) left readable by others, once at start.
 */
import { chmod } from 'node:fs/promises'
import path from 'node:path'
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './atomic-file'

/** The app's own files and folders in the data folder; nothing else there is touched. */
const FILES = [
  'accounts.json',
  'secrets.json',
  'share-links.json',
  'transfers.json',
  'transfers.parts',
  'transfer-settings.json',
  'window-state.json',
  path.join('logs', 'app.log'),
  path.join('logs', 'app.log.1'),
] as const
const FOLDERS = ['logs', 'sandbox', 'staging'] as const

const ignoreMissing = (error: unknown): void => {
  if ((error as { code?: string }).code !== 'ENOENT') throw error
}

export const securePrivateData = async (dataDir: string): Promise<void> => {
  await makePrivateDir(dataDir)
  await chmod(dataDir, PRIVATE_DIR_MODE)
  for (const folder of FOLDERS) {
    await chmod(path.join(dataDir, folder), PRIVATE_DIR_MODE).catch(ignoreMissing)
  }
  for (const file of FILES) {
    await chmod(path.join(dataDir, file), PRIVATE_FILE_MODE).catch(ignoreMissing)
  }
}
