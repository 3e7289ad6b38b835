/** Wires the core to Electron IPC: one invoke channel through the handler wrapper, one event channel. */
import { ipcMain, type WebContents, type WebFrameMain } from 'electron'
import type { Core } from '../core/core'
import { APP_ORIGIN, EVENT_CHANNEL, INVOKE_CHANNEL } from './channels'

/** Only our own page, loaded from app://, may send commands; never a navigated-away or child frame. */
export const isTrustedFrame = (frame: WebFrameMain | null): boolean => {
  if (!frame || frame.parent !== null) return false
  try {
    return new URL(frame.url).origin === APP_ORIGIN
  } catch {
    return false
  }
}

export const registerIpc = (core: Core, windows: () => readonly WebContents[]): (() => void) => {
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, request: unknown) =>
    core.dispatch(name, request, { trusted: isTrustedFrame(event.senderFrame) }),
  )
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload)
    }
  })
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL)
    unsubscribe()
  }
}
