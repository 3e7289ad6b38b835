/** The OS Downloads folder, where downloads go when the user picks no folder. */
import os from 'node:os'
import path from 'node:path'

/** The Electron shell passes app.getPath('downloads'); the web shell relies on this guess. */
export const defaultDownloadsDir = (): string =>
  process.env.XDG_DOWNLOAD_DIR && path.isAbsolute(process.env.XDG_DOWNLOAD_DIR)
    ? process.env.XDG_DOWNLOAD_DIR
    : path.join(os.homedir(), 'Downloads')
