/** The "Upload files" and "Upload folder" pickers: a file input, opened and read once. */
import type { PickedUpload } from '../../store/upload-batch'

/** Picked files with their paths: a folder pick keeps the folder itself (webkitRelativePath). */
export const pickedFromInput = (files: readonly File[]): PickedUpload => ({
  files: files.map((file) => ({ file, relativePath: file.webkitRelativePath || file.name })),
  // A folder picker lists files only: its empty folders cannot be seen from the page.
  folders: [],
})

/** Opens the OS picker; null when the user cancels. Call it from a click. */
export const pickFiles = (kind: 'files' | 'folder'): Promise<PickedUpload | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = true
    input.webkitdirectory = kind === 'folder'
    input.hidden = true
    const finish = (picked: PickedUpload | null) => {
      input.remove()
      resolve(picked)
    }
    input.addEventListener('change', () => finish(pickedFromInput([...(input.files ?? [])])))
    input.addEventListener('cancel', () => finish(null))
    // In the document, so the browser (and a test's file chooser) treat it like any input.
    document.body.append(input)
    input.click()
  })
