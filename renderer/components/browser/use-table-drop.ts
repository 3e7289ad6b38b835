/**
 * The object table as a drop target for files from the OS: onto the open folder, or onto a folder
 * row (into that folder). Says which, so the table can highlight it.
 */
import type { DragEvent } from 'react'
import { useRef, useState } from 'react'
import type { Location } from '../../store/location'
import { uploadDrop } from '../uploads/start-upload'
import { acceptFiles, type DropHandlers } from '../uploads/use-file-drop'

/** Where a drop would go: the open folder (key null) or a folder row. */
export type DropSpot = { readonly key: string | null }

/** The folder row under the pointer, if any. */
const folderRowKey = (target: EventTarget): string | null => {
  if (!(target instanceof Element)) return null
  return target.closest('[role="row"][data-kind="folder"]')?.getAttribute('data-key') ?? null
}

export const useTableDrop = (
  location: Location | null,
): { readonly spot: DropSpot | null; readonly handlers: DropHandlers | null } => {
  const [spot, setSpot] = useState<DropSpot | null>(null)
  const depth = useRef(0)
  if (!location) return { spot: null, handlers: null }

  const aim = (event: DragEvent) => {
    const key = folderRowKey(event.target)
    if (spot?.key !== key || spot === null) setSpot({ key })
  }

  return {
    spot,
    handlers: {
      onDragEnter: (event) => {
        if (!acceptFiles(event)) return
        depth.current += 1
        aim(event)
      },
      onDragOver: (event) => {
        if (acceptFiles(event)) aim(event)
      },
      onDragLeave: () => {
        depth.current = Math.max(0, depth.current - 1)
        if (depth.current === 0) setSpot(null)
      },
      onDrop: (event) => {
        depth.current = 0
        setSpot(null)
        if (!acceptFiles(event)) return
        const key = folderRowKey(event.target)
        uploadDrop(event.dataTransfer, key === null ? location : { ...location, prefix: key })
      },
    },
  }
}
