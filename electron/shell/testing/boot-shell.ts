/**
 * Starts the built main process (dist/electron/main.js) as Electron would: a process of its own —
 * every module evaluated anew, the Electron stand-in among them — then `ready`.
 */
import { vi } from 'vitest'
import type { StandInConfig } from './electron-stand-in'

export type ElectronProcess = typeof import('./electron-stand-in')

export const bootShell = async (
  mainFile: string,
  config: StandInConfig,
  /** The app's one data folder (electron/core/data-dir.ts); Electron's own choice when omitted. */
  dataDir: string = config.userData,
): Promise<ElectronProcess> => {
  vi.resetModules()
  // The data folder resolver honours this variable, so the shell stays in this test's folder.
  process.env.DSS_EXPLORER_DATA_DIR = dataDir
  const electron = await import('./electron-stand-in')
  electron.standIn.configure(config)
  await import(/* @vite-ignore */ mainFile)
  electron.standIn.launch()
  return electron
}
