/** Makes one element (a tree row) a drop target for files from the OS, with its highlight. */
import type { DragEvent } from 'react'
import { useRef, useState } from 'react'
import type { Location } from '../../store/location'
import { carriesFiles } from './read-drop'
import { uploadDrop } from './start-upload'

export type DropHandlers = {
  readonly onDragEnter: (event: DragEvent) => void
  readonly onDragOver: (event: DragEvent) => void
  readonly onDragLeave: (event: DragEvent) => void
  readonly onDrop: (event: DragEvent) => void
}

/** Accepts a drag of files: copy, never move or open. */
export const acceptFiles = (event: DragEvent): boolean => {
  if (!carriesFiles(event.dataTransfer)) return false
  event.preventDefault()
  event.stopPropagation()
  event.dataTransfer.dropEffect = 'copy'
  return true
}

/** Handlers and whether files are over it now; a null target takes no drops. */
export const useFileDrop = (
  target: Location | null,
): { readonly over: boolean; readonly handlers: DropHandlers | null } => {
  const [over, setOver] = useState(false)
  // dragenter and dragleave fire for every child crossed: count them.
  const depth = useRef(0)
  if (!target) return { over: false, handlers: null }
  return {
    over,
    handlers: {
      onDragEnter: (event) => {
        if (!acceptFiles(event)) return
        depth.current += 1
        setOver(true)
      },
      onDragOver: (event) => {
        if (acceptFiles(event)) setOver(true)
      },
      onDragLeave: () => {
        depth.current = Math.max(0, depth.current - 1)
        if (depth.current === 0) setOver(false)
      },
      onDrop: (event) => {
        depth.current = 0
        setOver(false)
        if (!acceptFiles(event)) return
        uploadDrop(event.dataTransfer, target)
      },
    },
  }
}
