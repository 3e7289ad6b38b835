/** The handler for `local.folders`: the web shell's folder chooser lists through main. */
import os from 'node:os'
import type { Handlers } from '../dispatcher'
import { createFolderBrowser, type FolderBrowser } from './folder-browser'

export const createLocalFolderHandlers = (
  browser: FolderBrowser = createFolderBrowser({ home: os.homedir() }),
): Pick<Handlers, 'local.folders'> => ({
  'local.folders': ({ path }) => browser.list(path),
})
