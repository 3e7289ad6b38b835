/** Where the app keeps its settings and sandbox data when the shell does not say. */
import os from 'node:os'
import path from 'node:path'

export const APP_DIR_NAME = 'dss-explorer'

export const defaultDataDir = (): string => {
  if (process.env.DSS_EXPLORER_DATA_DIR) return process.env.DSS_EXPLORER_DATA_DIR
  const home = os.homedir()
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
  }
  if (process.platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', APP_DIR_NAME)
  }
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME)
}
