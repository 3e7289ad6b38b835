/**
 * Drag from the table to the desktop: main fetches the object to a temporary file
 * (electron/core/transfers/drag-out.ts) and starts the OS drag with it and its file-type icon.
 * The request arrives through ipc.ts, from our own frame, checked against the contract's schema.
 */
import { app, type WebContents } from 'electron'
import type { DragOutRequest } from '../../shared/contract'
import type { Core } from '../core/core'
import { toAppError } from '../core/error-mapper'

export const startDragOut = async (
  core: Core,
  sender: WebContents,
  request: DragOutRequest,
): Promise<void> => {
  try {
    const file = await core.dragOut.prepare(request)
    const icon = await app.getFileIcon(file, { size: 'normal' })
    if (!sender.isDestroyed()) sender.startDrag({ file, icon })
  } catch (error) {
    core.events.emit('app.notice', {
      level: 'error',
      message: `Could not drag it out: ${toAppError(error).message}`,
    })
  }
}
