/**
 * Drag from the table to the desktop. The OS drag must start while the page's dragstart is being
 * handled, with a file that exists (DSS.md §4): so `startDrag` is called synchronously, with the
 * file the core fetched ahead when the object was selected (electron/core/transfers/drag-out.ts);
 * anything else — still fetching, too large, failed — becomes an `app.notice` instead.
 */
import path from 'node:path'
import { app, nativeImage, type NativeImage, type WebContents } from 'electron'
import type { DragOutRequest } from '../../shared/contract'
import type { Core } from '../core/core'
import { pickDragIcon } from './policy/drag-icon'

/** A 32×32 page, the drag's icon until the file type's own has been fetched. */
const PAGE_ICON_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAWUlEQVR42u3XMQoAIAxDUQ/m4Oj976K46eQq2Aas8AOh6xvaoSmRqMmlTkulgNbHVaUIK2DPpwAJwgtwIxQAF8KzhJLrsABOMAAAAAAAAAAAgD8ByvLqhc0C9u/MnlYxfmUAAAAASUVORK5CYII='

/** Returns the handler for the page's drag-out message; it never waits for anything. */
export const createDragOutStarter = (
  core: Core,
): ((sender: WebContents, request: DragOutRequest) => void) => {
  const fallback = nativeImage.createFromDataURL(PAGE_ICON_PNG)
  // File-type icons by extension: fetched after a first drag of that type, used from the next.
  const typeIcons = new Map<string, NativeImage>()
  const notice = (level: 'info' | 'error', message: string): void =>
    core.events.emit('app.notice', { level, message })

  return (sender, request) => {
    const found = core.dragOut.lookup(request)
    if (found.state !== 'ready') {
      if (found.state === 'fetching') notice('info', found.message)
      else notice('error', `Could not drag it out: ${found.message}`)
      return
    }
    const type = path.extname(found.file).toLowerCase()
    try {
      if (!sender.isDestroyed()) {
        sender.startDrag({ file: found.file, icon: pickDragIcon([typeIcons.get(type)], fallback) })
      }
    } catch (error) {
      notice('error', `Could not drag it out: ${(error as Error).message}`)
    }
    if (!typeIcons.has(type)) {
      app.getFileIcon(found.file, { size: 'normal' }).then(
        (icon) => typeIcons.set(type, icon),
        () => undefined,
      )
    }
  }
}
