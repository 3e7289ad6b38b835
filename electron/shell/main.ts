/**
 * Electron's main process: a thin shell that hosts the core and the window. Every decision it
 * makes is a tested function in policy/; what is left here are the calls.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BrowserWindow, app, dialog, shell } from 'electron'
import { createCore } from '../core/core'
import { osTrash } from '../core/sync/trash'
import { defaultDataDir, moveLegacyData } from '../core/data-dir'
import { appVersion } from '../core/version'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { showTransfersOnDesktop } from './desktop-feedback'
import { registerIpc } from './ipc'
import { openFileWith } from './policy/open-file'
import { createQuitGate, quitsWhenAllWindowsClose } from './policy/quit-gate'
import { launchModeOf } from './policy/sync-launch'
import { openSecretStore } from './secret-storage'
import { runSyncLaunch } from './sync-run'
import { createMainWindow, lockDown } from './window'
import { loadWindowState, trackWindowState } from './window-state'

const here = path.dirname(fileURLToPath(import.meta.url))

const startShell = async (): Promise<void> => {
  const dataDir = app.getPath('userData')
  // Data an earlier build left where Electron put it by itself comes along, once.
  const movedFrom = await moveLegacyData(dataDir)

  const core = createCore({
    dataDir,
    info: { version: appVersion, shell: 'electron', platform: process.platform },
    secrets: await openSecretStore(dataDir),
    downloadsDir: app.getPath('downloads'),
    openFile: openFileWith((file) => shell.openPath(file)),
    // A sync's local deletes go to the OS trash, where the user can get them back.
    trash: osTrash((file) => shell.trashItem(file)),
  })
  if (movedFrom) core.log.write('data-moved', { from: movedFrom, to: dataDir })
  serveRenderer(path.join(here, '..', 'renderer'))
  registerIpc(core, () => BrowserWindow.getAllWindows().map((window) => window.webContents))

  const windowSaves: (() => Promise<void>)[] = []
  const openWindow = async (): Promise<BrowserWindow> => {
    const window = createMainWindow({
      preload: path.join(here, 'preload.cjs'),
      state: await loadWindowState(dataDir, core.log),
    })
    windowSaves.push(trackWindowState(window, dataDir))
    return window
  }
  const liveWindow = (): BrowserWindow | null =>
    BrowserWindow.getAllWindows().find((window) => !window.isDestroyed()) ?? null
  // A second launch, or the dock icon: bring the window forward, or open one (macOS keeps the
  // app running after its last window closed).
  const showWindow = async (): Promise<void> => {
    const window = liveWindow()
    if (!window) {
      await openWindow()
      return
    }
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }

  await openWindow()
  showTransfersOnDesktop(core, liveWindow)
  app.on('second-instance', () => void showWindow())
  app.on('activate', () => void showWindow())
  app.on('window-all-closed', () => {
    if (quitsWhenAllWindowsClose(process.platform)) app.quit()
  })
  app.on(
    'will-quit',
    createQuitGate(
      async () => {
        await Promise.all(windowSaves.map((saved) => saved()))
        await core.dispose()
      },
      () => app.quit(),
      (error) => console.error('DSS Explorer did not shut down cleanly:', error),
    ),
  )
}

// One data folder for the packaged app, a development run and the web shell (core/data-dir.ts),
// whatever name Electron gives the app; set before the single-instance lock, which lives in it.
app.setPath('userData', defaultDataDir())

const launch = launchModeOf(process.argv)
if (launch.kind === 'sync') {
  // A scheduler's run: no window; the exit code is the run's.
  app
    .whenReady()
    .then(() => runSyncLaunch(launch.args))
    .then(
      (code) => app.exit(code),
      (error: unknown) => {
        console.error(`The sync could not run: ${(error as Error).message ?? String(error)}`)
        app.exit(1)
      },
    )
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  // Every web contents, the main window's included, is locked down once, as it is created.
  app.on('web-contents-created', (_event, contents) => lockDown(contents))
  app
    .whenReady()
    .then(startShell)
    .catch((error: unknown) => {
      dialog.showErrorBox('DSS Explorer could not start', (error as Error).message ?? String(error))
      app.exit(1)
    })
}
