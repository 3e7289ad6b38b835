/**
 * The built main process booted as Electron would, against the Electron stand-in: its window,
 * what app:// serves, the preload's surface, and what the window may do.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { electronContentSecurityPolicy } from '../../shared/csp'
import { bootShell, type ElectronProcess } from './testing/boot-shell'
import { buildApp, type BuiltApp } from './testing/build-app'

let built: BuiltApp
let work: string
let electron: ElectronProcess

beforeAll(async () => {
  built = await buildApp()
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-shell-boot-'))
  electron = await bootShell(built.mainFile, {
    userData: path.join(work, 'data'),
    downloads: path.join(work, 'downloads'),
  })
  await vi.waitFor(() => expect(electron.standIn.windows()[0]?.isVisible()).toBe(true), {
    timeout: 15_000,
  })
}, 120_000)

afterAll(async () => {
  electron?.app.quit()
  await electron?.app.exited
  await built?.remove()
  await rm(work, { recursive: true, force: true })
})

const mainWindow = () => {
  const [window] = electron.standIn.windows()
  if (!window) throw new Error('no window')
  return window
}

describe('the window', () => {
  it('is isolated, sandboxed, without Node, with the built preload, showing app://dss-explorer/', () => {
    const window = mainWindow()
    expect(electron.standIn.windows()).toHaveLength(1)
    expect(window.options.show).toBe(false)
    expect(window.options.webPreferences).toEqual({
      preload: built.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    })
    expect(window.webContents.getURL()).toBe('app://dss-explorer/index.html')
    // Chromium's origin for our standard scheme; Node's URL would say "null".
    expect(window.webContents.mainFrame.origin).toBe('app://dss-explorer')
  })
})

describe('app://dss-explorer', () => {
  const fetchApp = (url: string, init?: RequestInit) => electron.protocol.fetch(url, init)

  it('serves the built index.html and its assets, each with the closed CSP', async () => {
    const index = await fetchApp('app://dss-explorer/index.html')
    const html = await index.text()
    expect(html).toBe(await readFile(path.join(built.rendererDir, 'index.html'), 'utf8'))
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(index.headers.get('content-security-policy')).toBe(electronContentSecurityPolicy)
    expect(index.headers.get('x-content-type-options')).toBe('nosniff')
    // The page the window loaded is that one.
    expect(await mainWindow().webContents.responses[0]?.clone().text()).toBe(html)

    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => match[1])
    expect(assets).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.js$/), expect.stringMatching(/\.css$/)]),
    )
    for (const asset of assets) {
      const response = await fetchApp(`app://dss-explorer/${asset}`)
      expect(response.status).toBe(200)
      expect(Buffer.from(await response.arrayBuffer())).toEqual(
        await readFile(path.join(built.rendererDir, asset ?? '')),
      )
      expect(response.headers.get('content-security-policy')).toBe(electronContentSecurityPolicy)
    }
  })

  it.each([
    ['an encoded traversal', 'app://dss-explorer/..%2f..%2felectron%2fmain.js'],
    ['an encoded backslash traversal', 'app://dss-explorer/..%5c..%5celectron%5cmain.js'],
    ['a dot-dot read as a dot segment', 'app://dss-explorer/%2e%2e/electron/main.js'],
    ['a plain dot-dot', 'app://dss-explorer/assets/../../electron/preload.cjs'],
    ['another host', 'app://evil/index.html'],
    ['a folder', 'app://dss-explorer/assets/'],
    ['a missing file', 'app://dss-explorer/nothing.js'],
  ])('refuses %s', async (_, url) => {
    const response = await fetchApp(url)
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('Not found')
  })

  it('answers only GET', async () => {
    const response = await fetchApp('app://dss-explorer/index.html', { method: 'POST', body: 'x' })
    expect(response.status).toBe(404)
  })
})

describe('the preload', () => {
  it('exposes exactly window.dss, the contract and nothing of Electron or Node', () => {
    const { world } = mainWindow().webContents.page
    expect(Object.keys(world)).toEqual(['dss'])
    const dss = world.dss as Record<string, unknown>
    expect(Object.keys(dss).sort()).toEqual([
      'chooseFolder',
      'invoke',
      'on',
      'pathForFile',
      'prepareDrag',
      'startDrag',
    ])
    expect(Object.values(dss).every((member) => typeof member === 'function')).toBe(true)
  })

  it('gives a path only for a File read from disk', () => {
    const dss = mainWindow().webContents.page.world.dss as { pathForFile(file: unknown): string }
    const dropped = electron.standIn.fileFromDisk('/home/user/photo.jpg', 'photo.jpg')
    expect(dss.pathForFile(dropped)).toBe('/home/user/photo.jpg')
    expect(dss.pathForFile(new File(['made in the page'], 'forged.txt'))).toBe('')
    expect(dss.pathForFile({ name: '/etc/passwd', path: '/etc/passwd' })).toBe('')
    expect(dss.pathForFile('/etc/passwd')).toBe('')
  })
})

describe('what the window may do', () => {
  const page = () => mainWindow().webContents.page

  it('sends a link to the browser once, instead of navigating', async () => {
    const opened = electron.standIn.opened.length
    expect(await mainWindow().webContents.navigateFromPage('https://docs.oortech.com/')).toBe(false)
    expect(electron.standIn.opened.slice(opened)).toEqual(['https://docs.oortech.com/'])
    expect(mainWindow().webContents.getURL()).toBe('app://dss-explorer/index.html')
  })

  it('goes nowhere for other schemes', async () => {
    const opened = electron.standIn.opened.length
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://evil/index.html']) {
      expect(await mainWindow().webContents.navigateFromPage(url)).toBe(false)
    }
    expect(electron.standIn.opened.length).toBe(opened)
  })

  it('opens no window; a web link opens once in the browser', () => {
    const opened = electron.standIn.opened.length
    expect(mainWindow().webContents.openFromPage('https://example.com/help')).toBeNull()
    expect(mainWindow().webContents.openFromPage('app://dss-explorer/index.html')).toBeNull()
    expect(electron.standIn.opened.slice(opened)).toEqual(['https://example.com/help'])
    expect(electron.standIn.windows()).toHaveLength(1)
  })

  it('may reload its own page, and the preload runs again', async () => {
    expect(await mainWindow().webContents.navigateFromPage('app://dss-explorer/index.html')).toBe(
      true,
    )
    expect(Object.keys(page().world)).toEqual(['dss'])
  })

  it('gets the clipboard and no other permission', async () => {
    const contents = mainWindow().webContents
    const url = 'app://dss-explorer/index.html'
    expect(await contents.session.request(contents, 'clipboard-sanitized-write', url)).toBe(true)
    expect(await contents.session.request(contents, 'media', url)).toBe(false)
    expect(await contents.session.request(contents, 'notifications', url)).toBe(false)
    expect(
      await contents.session.request(
        contents,
        'clipboard-sanitized-write',
        'https://evil.example/',
      ),
    ).toBe(false)
    expect(
      contents.session.check(contents, 'clipboard-sanitized-write', 'app://dss-explorer'),
    ).toBe(true)
    expect(contents.session.check(contents, 'geolocation', 'app://dss-explorer')).toBe(false)
  })
})
