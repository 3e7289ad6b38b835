/** The OS folder dialog: what it is asked and what its answer means. */
import { describe, expect, it } from 'vitest'
import { chosenFolder, folderDialogOptions } from './folder-dialog'

describe('folder dialog policy', () => {
  it('opens for folders only, at an absolute default path', () => {
    expect(folderDialogOptions({ title: 'Local folder', defaultPath: '/home/ann/photos' })).toEqual(
      {
        title: 'Local folder',
        defaultPath: '/home/ann/photos',
        properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
      },
    )
    expect(folderDialogOptions({ title: 'Save to', defaultPath: null })).toEqual({
      title: 'Save to',
      properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
    })
  })

  it('ignores a relative default path and refuses a malformed request', () => {
    expect(folderDialogOptions({ title: 'Save to', defaultPath: 'photos' })).not.toHaveProperty(
      'defaultPath',
    )
    expect(folderDialogOptions({ title: '', defaultPath: null })).toBeNull()
    expect(folderDialogOptions({ title: 'x', defaultPath: null, extra: 1 })).toBeNull()
    expect(folderDialogOptions('open /etc')).toBeNull()
  })

  it('reads the chosen folder, or none when cancelled', () => {
    expect(chosenFolder({ canceled: false, filePaths: ['/home/ann/photos'] })).toBe(
      '/home/ann/photos',
    )
    expect(chosenFolder({ canceled: true, filePaths: ['/home/ann/photos'] })).toBeNull()
    expect(chosenFolder({ canceled: false, filePaths: [] })).toBeNull()
    expect(chosenFolder({ canceled: false, filePaths: ['relative'] })).toBeNull()
  })
})
