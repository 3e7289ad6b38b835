import { useEffect } from 'react'
import { carriesFiles } from './read-drop'

/**
 * Files dropped anywhere but a drop target are refused, instead of the window navigating to them
 * (the browser's default for a dropped file).
 */
export const FileDropGuard = () => {
  useEffect(() => {
    const refuse = (event: DragEvent) => {
      if (event.defaultPrevented || !carriesFiles(event.dataTransfer)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none'
    }
    window.addEventListener('dragover', refuse)
    window.addEventListener('drop', refuse)
    return () => {
      window.removeEventListener('dragover', refuse)
      window.removeEventListener('drop', refuse)
    }
  }, [])
  return null
}
