/**
 * Wires the core to Electron IPC: one invoke channel through the handler wrapper, one event
 * channel, and the two one-way drag-out messages. Only our own page's top frame is trusted
 * (policy/trusted-frame.ts).
 */
import { BrowserWindow, dialog, ipcMain, type WebContents, type WebFrameMain } from 'electron'
import { dragOutRequest, dragPrepareRequest } from '../../shared/contract'
import type { Core } from '../core/core'
import {
  CHOOSE_FOLDER_CHANNEL,
  DRAG_CHANNEL,
  DRAG_PREPARE_CHANNEL,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
} from './channels'
import { createDragOutStarter } from './drag-out'
import { chosenFolder, folderDialogOptions } from './policy/folder-dialog'
import { isTrustedFrame, type FrameFacts } from './policy/trusted-frame'

/** Reading a frame that navigated away or closed throws in Electron: such a frame is not trusted. */
const factsOf = (frame: WebFrameMain | null): FrameFacts | null => {
  try {
    if (!frame || frame.isDestroyed()) return null
    return { url: frame.url, isTopFrame: frame.parent === null }
  } catch {
    return null
  }
}

export const isTrustedSender = (event: { readonly senderFrame: WebFrameMain | null }): boolean =>
  isTrustedFrame(factsOf(event.senderFrame))

export const registerIpc = (core: Core, windows: () => readonly WebContents[]): (() => void) => {
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, request: unknown) =>
    core.dispatch(name, request, { trusted: isTrustedSender(event) }),
  )
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event, request: unknown) => {
    const options = folderDialogOptions(request)
    if (!isTrustedSender(event) || !options) return null
    const owner = BrowserWindow.fromWebContents(event.sender)
    const answer = owner
      ? await dialog.showOpenDialog(owner, options)
      : await dialog.showOpenDialog(options)
    return chosenFolder(answer)
  })
  const onPrepare = (event: Electron.IpcMainEvent, request: unknown): void => {
    const parsed = dragPrepareRequest.safeParse(request)
    if (!isTrustedSender(event) || !parsed.success) return
    const { accountId, bucket, keys } = parsed.data
    core.dragOut.follow(keys.map((key) => ({ accountId, bucket, key })))
  }
  // Synchronous from end to end: the OS drag is starting now.
  const startDragOut = createDragOutStarter(core)
  const onDragOut = (event: Electron.IpcMainEvent, request: unknown): void => {
    const parsed = dragOutRequest.safeParse(request)
    if (isTrustedSender(event) && parsed.success) startDragOut(event.sender, parsed.data)
  }
  ipcMain.on(DRAG_PREPARE_CHANNEL, onPrepare)
  ipcMain.on(DRAG_CHANNEL, onDragOut)
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload)
    }
  })
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL)
    ipcMain.removeHandler(CHOOSE_FOLDER_CHANNEL)
    ipcMain.removeListener(DRAG_PREPARE_CHANNEL, onPrepare)
    ipcMain.removeListener(DRAG_CHANNEL, onDragOut)
    unsubscribe()
  }
}
