/**
 * The data folder is the user's alone: accounts, links and paths are nobody else's business. New
 * folders and files are made that way (atomic-file.ts); this puts right what an earlier build (or
 * a copy) left readable by others, once at start.
 */
import { chmod } from 'node:fs/promises'
import path from 'node:path'
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './atomic-file'
import { APP_FILES, APP_FOLDERS } from './data-dir'

/** The app's own files and folders in the data folder (and its logs); nothing else is touched. */
const FILES = [...APP_FILES, path.join('logs', 'app.log'), path.join('logs', 'app.log.1')]

const ignoreMissing = (error: unknown): void => {
  if ((error as { code?: string }).code !== 'ENOENT') throw error
}

export const securePrivateData = async (dataDir: string): Promise<void> => {
  await makePrivateDir(dataDir)
  await chmod(dataDir, PRIVATE_DIR_MODE)
  for (const folder of APP_FOLDERS) {
    await chmod(path.join(dataDir, folder), PRIVATE_DIR_MODE).catch(ignoreMissing)
  }
  for (const file of FILES) {
    await chmod(path.join(dataDir, file), PRIVATE_FILE_MODE).catch(ignoreMissing)
  }
}
