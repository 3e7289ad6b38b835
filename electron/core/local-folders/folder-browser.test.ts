/** The in-app folder chooser's listing: folders only, and only folders it handed out. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFolderBrowser } from './folder-browser'

describe('folder browser', () => {
  let root: string
  let home: string

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'dss-folder-browser-'))
    home = path.join(root, 'home')
    await mkdir(path.join(home, 'Photos 2024', 'raw'), { recursive: true })
    await mkdir(path.join(home, 'docs'))
    await mkdir(path.join(home, 'folder10'))
    await mkdir(path.join(home, 'folder9'))
    await writeFile(path.join(home, 'notes.txt'), 'not a folder')
    await mkdir(path.join(root, 'elsewhere'))
    await symlink(path.join(root, 'elsewhere'), path.join(home, 'link'))
  })

  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('starts at the home folder and lists its sub-folders only, by name', async () => {
    const listing = await createFolderBrowser({ home }).list(null)
    expect(listing.path).toBe(home)
    expect(listing.home).toBe(home)
    expect(listing.parent).toBe(root)
    // Files and symbolic links are not listed; numbers sort as numbers.
    expect(listing.folders.map(({ name }) => name)).toEqual([
      'docs',
      'folder9',
      'folder10',
      'Photos 2024',
    ])
    expect(listing.folders[3]?.path).toBe(path.join(home, 'Photos 2024'))
    expect(listing.truncated).toBe(false)
  })

  it('lists a folder it handed out, and its parent, but no other path', async () => {
    const browser = createFolderBrowser({ home })
    await expect(browser.list(path.join(home, 'docs'))).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    })
    await expect(browser.list(path.join(root, 'elsewhere'))).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    })
    await browser.list(null)
    const photos = await browser.list(path.join(home, 'Photos 2024'))
    expect(photos.folders.map(({ name }) => name)).toEqual(['raw'])
    const parent = await browser.list(root)
    expect(parent.folders.map(({ name }) => name)).toEqual(['elsewhere', 'home'])
    // A path that climbs out through '..' is the path it resolves to: not handed out.
    await expect(browser.list(`${home}/docs/../../../..`)).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    })
  })

  it('says plainly when a folder handed out is gone', async () => {
    const browser = createFolderBrowser({ home })
    await browser.list(null)
    await rm(path.join(home, 'docs'), { recursive: true })
    await expect(browser.list(path.join(home, 'docs'))).rejects.toMatchObject({
      code: 'FILE_MISSING',
      message: `The folder ${path.join(home, 'docs')} is not there any more.`,
    })
  })
})
