/**
 * The stand-in follows Electron's documentation where the shell's tests lean on it; each case
 * cites what Electron says. A fresh module is a fresh Electron process.
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ONE_PIXEL_PNG } from './stand-in-native-image'

type StandInModule = typeof import('./electron-stand-in')
let electron: StandInModule
let work: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-stand-in-'))
})
afterAll(() => rm(work, { recursive: true, force: true }))

beforeEach(async () => {
  vi.resetModules()
  electron = await import('./electron-stand-in')
})

const ready = () => electron.standIn.launch()

describe('app', () => {
  it('quits in order: before-quit, each window closed, will-quit, quit, the end', async () => {
    ready()
    const heard: string[] = []
    const window = new electron.BrowserWindow()
    window.on('close', () => heard.push('close'))
    window.on('closed', () => heard.push('closed'))
    for (const name of ['before-quit', 'window-all-closed', 'will-quit', 'quit']) {
      electron.app.on(name, () => heard.push(name))
    }
    electron.app.quit()
    expect(await electron.app.exited).toBe(0)
    // "window-all-closed would not be emitted" when the app quits.
    expect(heard).toEqual(['before-quit', 'close', 'closed', 'will-quit', 'quit'])
  })

  it('stays running when will-quit is prevented, and quits when asked again', async () => {
    ready()
    let held = false
    electron.app.on('will-quit', (event: { preventDefault(): void }) => {
      if (!held) event.preventDefault()
      held = true
    })
    electron.app.quit()
    await new Promise((resolve) => setImmediate(resolve))
    expect(electron.app.exitCode).toBeNull()
    electron.app.quit()
    expect(await electron.app.exited).toBe(0)
  })

  it('exits at once on exit(), without before-quit or will-quit', () => {
    ready()
    const heard: string[] = []
    electron.app.on('before-quit', () => heard.push('before-quit'))
    electron.app.on('will-quit', () => heard.push('will-quit'))
    electron.app.exit(3)
    expect(electron.app.exitCode).toBe(3)
    expect(heard).toEqual([])
  })

  it('quits when the last window closes and nobody listens for window-all-closed', async () => {
    ready()
    new electron.BrowserWindow().close()
    expect(await electron.app.exited).toBe(0)
  })

  it('registers privileged schemes only before ready, and handles them only after', () => {
    expect(() => electron.protocol.handle('app', () => new Response(''))).toThrow()
    electron.protocol.registerSchemesAsPrivileged([
      { scheme: 'app', privileges: { standard: true } },
    ])
    ready()
    expect(() => electron.protocol.registerSchemesAsPrivileged([])).toThrow()
    expect(() => electron.protocol.handle('app', () => new Response(''))).not.toThrow()
  })
})

describe('frames and navigation', () => {
  it('gives an app: page the origin Chromium gives a registered standard scheme', async () => {
    electron.protocol.registerSchemesAsPrivileged([
      { scheme: 'app', privileges: { standard: true } },
    ])
    ready()
    electron.protocol.handle('app', () => new Response('<p>hi</p>'))
    const window = new electron.BrowserWindow()
    await window.loadURL('app://dss-explorer/index.html')
    expect(window.webContents.mainFrame.origin).toBe('app://dss-explorer')
    expect(new URL('app://dss-explorer/index.html').origin).toBe('null')
    expect(electron.protocol.originOf('other://host/x')).toBe('null')
  })

  it('emits will-navigate for the page’s own navigation only, not for loadURL', async () => {
    ready()
    const window = new electron.BrowserWindow()
    const urls: string[] = []
    window.webContents.on('will-navigate', (event: { url: string; preventDefault(): void }) => {
      urls.push(event.url)
      event.preventDefault()
    })
    await window.loadURL('https://a.example/')
    expect(await window.webContents.navigateFromPage('https://b.example/')).toBe(false)
    expect(urls).toEqual(['https://b.example/'])
    expect(window.webContents.getURL()).toBe('https://a.example/')
  })

  it('makes the window a page asks for unless the window-open handler denies it', async () => {
    ready()
    const opener = new electron.BrowserWindow()
    expect(opener.webContents.openFromPage('https://a.example/')).not.toBeNull()
    opener.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
    expect(opener.webContents.openFromPage('https://b.example/')).toBeNull()
    expect(electron.standIn.windows()).toHaveLength(2)
  })
})

describe('startDrag', () => {
  it('throws for an empty icon and takes a real one', async () => {
    ready()
    const file = path.join(work, 'drag.txt')
    await writeFile(file, 'x')
    const contents = new electron.BrowserWindow().webContents
    const empty = electron.nativeImage.createEmpty() as unknown as Electron.NativeImage
    expect(() => contents.startDrag({ file, icon: empty })).toThrow(
      "Must specify non-empty 'icon' option",
    )
    const icon = electron.nativeImage.createFromBuffer(
      ONE_PIXEL_PNG,
    ) as unknown as Electron.NativeImage
    contents.startDrag({ file, icon })
    // Called outside a dragstart message's handling: recorded as late.
    expect(contents.drags).toEqual([
      expect.objectContaining({ duringDragStart: false, filesExisted: true }),
    ])
  })
})
