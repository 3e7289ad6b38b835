/**
 * Wires the core to Electron IPC: one invoke channel through the handler wrapper, one event
 * channel, and the one-way drag-out request.
 */
import { ipcMain, type WebContents, type WebFrameMain } from 'electron'
import { dragOutRequest } from '../../shared/contract'
import type { Core } from '../core/core'
import { APP_ORIGIN, DRAG_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL } from './channels'
import { startDragOut } from './drag-out'

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
  // One-way: a drag to the desktop answers with the drag itself (or an `app.notice`).
  const onDragOut = (event: Electron.IpcMainEvent, request: unknown): void => {
    const parsed = dragOutRequest.safeParse(request)
    if (isTrustedFrame(event.senderFrame) && parsed.success) {
      void startDragOut(core, event.sender, parsed.data)
    }
  }
  ipcMain.on(DRAG_CHANNEL, onDragOut)
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload)
    }
  })
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL)
    ipcMain.removeListener(DRAG_CHANNEL, onDragOut)
    unsubscribe()
  }
}
