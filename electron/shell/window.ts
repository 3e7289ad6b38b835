/**
 * The one place windows are made: isolated, sandboxed, no Node. `lockDown` applies the policies
 * (policy/) to every web contents as it is created: no navigation away from the app, no new
 * windows, http(s) links in the user's browser, no permissions beyond the clipboard.
 */
import { BrowserWindow, shell, type WebContents } from 'electron'
import { APP_ORIGIN } from './channels'
import { decideNavigation, decideWindowOpen } from './policy/navigation'
import { isPermissionGranted } from './policy/permissions'
import type { WindowState } from './policy/window-state'

export const lockDown = (contents: WebContents): void => {
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url)
    if (decision.allow) return
    event.preventDefault()
    if (decision.openExternally) void shell.openExternal(event.url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.session.setPermissionRequestHandler((_contents, permission, grant, details) =>
    grant(isPermissionGranted(permission, details.requestingUrl)),
  )
  contents.session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  )
}

export const MAIN_WINDOW_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const

export const createMainWindow = (options: {
  preload: string
  state: WindowState
}): BrowserWindow => {
  const window = new BrowserWindow({
    ...options.state.bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'DSS Explorer',
    backgroundColor: '#1e1f22',
    webPreferences: { ...MAIN_WINDOW_PREFERENCES, preload: options.preload },
  })
  if (options.state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}
