/** For the shell's tests: the booted app's main window and what its page sees. */
import type { DssApi } from '../../../shared/contract'
import type { ElectronProcess } from './boot-shell'

export const mainWindowOf = (electron: ElectronProcess) => {
  const [window] = electron.standIn.windows()
  if (!window) throw new Error('the app has no window')
  return window
}

/** `window.dss` as the page has it, exposed by the built preload. */
export const dssOf = (electron: ElectronProcess): DssApi => {
  const dss = mainWindowOf(electron).webContents.page.world.dss
  if (!dss) throw new Error('the preload exposed no window.dss')
  return dss as DssApi
}

/** Lets messages already sent over the stand-in's IPC arrive (each crossing takes a turn). */
export const ipcTurns = async (turns = 3): Promise<void> => {
  for (let turn = 0; turn < turns; turn += 1) await new Promise((resolve) => setImmediate(resolve))
}
