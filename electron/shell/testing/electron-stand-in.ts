/**
 * A stand-in for the `electron` module's main-process side, for tests only: the Electron binary
 * cannot be downloaded on these machines (DSS.md §4), so the shell's wiring runs against this.
 *
 * How it is loaded: vitest.config.ts aliases the bare specifier `electron` to this file. Only the
 * shell imports `electron` (lint enforces it), so the alias reaches exactly the shell's code,
 * whether a test imports a source file or the built dist/electron/main.js — the shell stays
 * unchanged, with no injection seam that exists for tests alone.
 *
 * Each evaluation of this module is one Electron process: tests boot the shell with
 * vi.resetModules() and a fresh import (boot-shell.ts). What outlives a process, like the
 * single-instance lock, lives on globalThis, as the OS does.
 *
 * Typed against the installed Electron 45 definitions: each part implements a Pick of its
 * Electron type (for the members whose types are plain values), so a signature that drifts
 * from Electron's fails the type check. Event listeners are typed by the shell's own code, which
 * compiles against the real definitions.
 */
import { EventEmitter } from 'node:events'
import { StandInApp } from './stand-in-app'
import { StandInIpcMain } from './stand-in-ipc-main'
import { standInNativeImage } from './stand-in-native-image'
import { StandInProtocol } from './stand-in-protocol'
import {
  StandInNotification,
  StandInSafeStorage,
  createDialogStandIn,
  createScreenStandIn,
  createShellStandIn,
  displayAt,
  shownNotifications,
  type OpenDialogRecord,
  type StandInDisplay,
} from './stand-in-services'
import { StandInBrowserWindow, bindProcess } from './stand-in-browser-window'
import { StandInSession } from './stand-in-session'
import type { ProcessParts, StandInWindow } from './stand-in-web-contents'

let lastId = 0
const windows = new Set<StandInWindow>()
export const app = new StandInApp({ all: () => [...windows] })
export const protocol = new StandInProtocol(app)
export const ipcMain = new StandInIpcMain()
export const safeStorage = new StandInSafeStorage(app)
export const nativeImage = standInNativeImage

export const BrowserWindow = StandInBrowserWindow
export const Notification = StandInNotification

const parts: ProcessParts = {
  app,
  protocol,
  ipcMain,
  session: new StandInSession(),
  filePaths: new WeakMap(),
  windows,
  nextId: () => (lastId += 1),
  openWindow: (options) => new BrowserWindow(options),
}
bindProcess(parts)

const record = { opened: [] as string[], shown: [] as string[] }
const errors: { title: string; content: string }[] = []
let displays: readonly StandInDisplay[] = [displayAt(1, { x: 0, y: 0, width: 1920, height: 1080 })]

export const shell = createShellStandIn(record)
const openDialogs: OpenDialogRecord = { asked: [], answer: { canceled: true, filePaths: [] } }
export const dialog = createDialogStandIn(errors, openDialogs)
export const screen = createScreenStandIn(app, () => displays)

export type StandInConfig = {
  readonly userData: string
  readonly downloads: string
  readonly backend?: StandInSafeStorage['backend']
  readonly displays?: readonly StandInDisplay[]
  readonly fileIcon?: StandInApp['fileIcon']
  readonly argv?: readonly string[]
}

/** The test's side of this process. */
export const standIn = {
  app,
  protocol,
  safeStorage,
  /** URLs given to shell.openExternal, in order. */
  opened: record.opened,
  /** dialog.showErrorBox calls. */
  errors,
  /** dialog.showOpenDialog calls, and the answer the next one gives. */
  openDialogs,
  notifications: shownNotifications,
  /** Set before the shell's main module runs. */
  configure(config: StandInConfig): void {
    app.setPath('userData', config.userData)
    app.setPath('downloads', config.downloads)
    if (config.backend) safeStorage.backend = config.backend
    if (config.displays) displays = config.displays
    if (config.fileIcon) app.fileIcon = config.fileIcon
    if (config.argv) app.argv = config.argv
  },
  /** Electron finished launching: `ready`. */
  launch: (): void => app.launch(),
  windows: (): StandInBrowserWindow[] => BrowserWindow.getAllWindows(),
  /** A File as a drop or a file picker gives it: backed by a file on disk. */
  fileFromDisk(path: string, name: string): File {
    const file = new File([], name)
    parts.filePaths.set(file, path)
    return file
  },
  /** macOS: the dock icon was clicked. */
  activate(): void {
    app.emit('activate', { preventDefault: () => undefined }, windows.size > 0)
  },
}

/** Not part of Electron: lets a test wait for an emitter's next event. */
export const nextEvent = (emitter: EventEmitter, name: string): Promise<unknown[]> =>
  new Promise((resolve) => emitter.once(name, (...args: unknown[]) => resolve(args)))
