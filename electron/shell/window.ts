/**
 * The one place windows are made: isolated, sandboxed, no Node, no navigation away from the app,
 * no new windows; http(s) links open in the user's browser instead.
 */
import { BrowserWindow, shell, type WebContents } from 'electron'
import { APP_ORIGIN } from './channels'
import type { WindowState } from './window-state'

const isExternalLink = (url: string): boolean => {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

export const lockDown = (contents: WebContents): void => {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (new URL(url).origin === APP_ORIGIN) return
    event.preventDefault()
    if (isExternalLink(url)) void shell.openExternal(url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.session.setPermissionRequestHandler((_contents, permission, allow) =>
    allow(permission === 'clipboard-sanitized-write'),
  )
}

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
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  })
  lockDown(window.webContents)
  if (options.state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}
