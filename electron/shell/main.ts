/** Electron's main process: a thin shell that hosts the core and the window. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BrowserWindow, app } from 'electron'
import { createCore } from '../core/core'
import { createFileSecretStore } from '../core/secret-store'
import { appVersion } from '../core/version'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { showTransfersOnDesktop } from './desktop-feedback'
import { registerIpc } from './ipc'
import { safeStorageCipher } from './safe-storage-cipher'
import { createMainWindow, lockDown } from './window'
import { loadWindowState, trackWindowState } from './window-state'

const here = path.dirname(fileURLToPath(import.meta.url))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  app.on('web-contents-created', (_event, contents) => lockDown(contents))

  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData')
    const core = createCore({
      dataDir,
      info: { version: appVersion, shell: 'electron', platform: process.platform },
      secrets: createFileSecretStore(dataDir, safeStorageCipher()),
      downloadsDir: app.getPath('downloads'),
    })
    serveRenderer(path.join(here, '..', 'renderer'))
    registerIpc(core, () => BrowserWindow.getAllWindows().map((window) => window.webContents))

    const openWindow = async (): Promise<BrowserWindow> => {
      const window = createMainWindow({
        preload: path.join(here, 'preload.cjs'),
        state: await loadWindowState(dataDir),
      })
      trackWindowState(window, dataDir)
      return window
    }
    let main = await openWindow()
    showTransfersOnDesktop(core, () => (main.isDestroyed() ? null : main))

    app.on('second-instance', () => {
      if (main.isMinimized()) main.restore()
      main.focus()
    })
    app.on('activate', async () => {
      if (BrowserWindow.getAllWindows().length === 0) main = await openWindow()
    })
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit()
    })
    app.on('will-quit', () => void core.dispose())
  })
}
