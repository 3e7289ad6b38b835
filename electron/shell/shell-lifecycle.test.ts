/**
 * The booted app's life: one instance, a second launch bringing it forward (also on macOS after
 * its last window closed), quitting only once the core has stopped, and the window's place.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestBed, type TestBed } from '../../e2e/testbed/test-bed'
import { bootShell, type ElectronProcess } from './testing/boot-shell'
import { buildApp, type BuiltApp } from './testing/build-app'
import { displayAt } from './testing/stand-in-services'
import { dssOf, mainWindowOf } from './testing/shell-page'

let built: BuiltApp
let bed: TestBed
let work: string
/** Every process booted, so each test leaves none running. */
const running: ElectronProcess[] = []

beforeAll(async () => {
  ;[built, bed] = await Promise.all([buildApp(), startTestBed({ buckets: ['lifecycle'] })])
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-shell-life-'))
}, 120_000)

afterEach(async () => {
  for (const electron of running.splice(0)) {
    if (electron.app.exitCode === null) electron.app.quit()
    await electron.app.exited
  }
})

afterAll(async () => {
  await bed?.stop()
  await built?.remove()
  await rm(work, { recursive: true, force: true })
})

const folder = (name: string) => ({
  userData: path.join(work, name, 'data'),
  downloads: path.join(work, name, 'downloads'),
})

const boot = async (
  config: Parameters<typeof bootShell>[1],
  { window = true, dataDir }: { window?: boolean; dataDir?: string } = {},
): Promise<ElectronProcess> => {
  const electron = await bootShell(built.mainFile, config, dataDir)
  running.push(electron)
  if (window) {
    await vi.waitFor(() => expect(electron.standIn.windows()[0]?.isVisible()).toBe(true), {
      timeout: 15_000,
    })
  }
  return electron
}

describe('the data folder', () => {
  it('is the app’s one folder (as the web shell’s), not the one Electron names after the product', async () => {
    const electronsChoice = path.join(work, 'data-dir', 'DSS Explorer')
    const dataDir = path.join(work, 'data-dir', 'dss-explorer')
    const electron = await boot(
      { userData: electronsChoice, downloads: path.join(work, 'data-dir', 'downloads') },
      { dataDir },
    )
    expect(electron.app.getPath('userData')).toBe(dataDir)
    electron.app.quit()
    await electron.app.exited
    expect(existsSync(path.join(dataDir, 'logs', 'app.log'))).toBe(true)
    expect(existsSync(electronsChoice)).toBe(false)
  })
})

describe('one instance', () => {
  it('a second launch quits at once and brings the first one’s window forward', async () => {
    const first = await boot(folder('single'))
    const window = mainWindowOf(first)
    window.minimize()
    expect(window.isFocused()).toBe(false)

    const second = await boot(folder('single-second'), { window: false })
    expect(await second.app.exited).toBe(0)
    expect(second.standIn.windows()).toEqual([])
    // It never got as far as a core: nothing was written to its data folder.
    expect(existsSync(folder('single-second').userData)).toBe(false)

    await vi.waitFor(() => expect(window.isFocused()).toBe(true), { timeout: 15_000 })
    expect(window.isMinimized()).toBe(false)
    expect(first.standIn.windows()).toEqual([window])
  })

  it('on macOS stays running without a window, and a second launch opens a new one', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')
    Object.defineProperty(process, 'platform', { value: 'darwin' })
    try {
      const first = await boot(folder('mac'))
      const closed = mainWindowOf(first)
      closed.close()
      expect(closed.isDestroyed()).toBe(true)
      expect(first.standIn.windows()).toEqual([])

      await boot(folder('mac-second'), { window: false })
      await vi.waitFor(() => expect(first.standIn.windows()).toHaveLength(1), { timeout: 15_000 })
      const reopened = mainWindowOf(first)
      expect(reopened).not.toBe(closed)
      await vi.waitFor(() => expect(reopened.isVisible()).toBe(true), { timeout: 15_000 })
      expect(Object.keys(reopened.webContents.page.world)).toEqual(['dss'])
      expect(first.app.exitCode).toBeNull()

      // The dock icon, with the window there: it comes forward, no second one.
      reopened.minimize()
      first.standIn.activate()
      await vi.waitFor(() => expect(reopened.isFocused()).toBe(true), { timeout: 15_000 })
      expect(first.standIn.windows()).toEqual([reopened])
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform)
    }
  })

  it('elsewhere quits when its last window closes', async () => {
    const electron = await boot(folder('last-window'))
    mainWindowOf(electron).close()
    expect(await electron.app.exited).toBe(0)
  })
})

describe('quitting', () => {
  const COUNT = 4

  it('waits for the core: transfers paused into the journal, the log ended, then the process ends', async () => {
    const config = folder('quit')
    const electron = await boot(config)
    const dss = dssOf(electron)
    const saved = await dss.invoke('accounts.save', {
      draft: {
        name: 'Test bed',
        kind: 'custom',
        endpoint: bed.endpoint,
        accessKeyId: bed.accessKeyId,
        secretAccessKey: bed.secretAccessKey,
        caFile: bed.caFile,
      },
    })
    if (!saved.ok) throw new Error(saved.error.message)
    const files = path.join(work, 'quit', 'files')
    await mkdir(files, { recursive: true })
    const sources = []
    for (let index = 0; index < COUNT; index += 1) {
      const file = path.join(files, `file-${index}.bin`)
      await writeFile(file, randomBytes(64 * 1024))
      sources.push({
        source: { kind: 'path' as const, path: file },
        relativeKey: `file-${index}.bin`,
      })
    }
    // Slow answers keep the uploads running or waiting when the quit comes.
    bed.emulator.setFaults({ latencyMs: 400 })
    try {
      const queued = await dss.invoke('transfers.upload', {
        accountId: saved.value.id,
        bucket: 'lifecycle',
        prefix: '',
        files: sources,
        folders: [],
        conflict: 'overwrite',
      })
      expect(queued.ok).toBe(true)

      // What is on disk at the moment the process ends.
      let atExit: { journal: string | null; log: string } | null = null
      electron.app.onExit(() => {
        const journal = path.join(config.userData, 'transfers.json')
        atExit = {
          journal: existsSync(journal) ? readFileSync(journal, 'utf8') : null,
          log: readFileSync(path.join(config.userData, 'logs', 'app.log'), 'utf8'),
        }
      })
      electron.app.quit()
      expect(await electron.app.exited).toBe(0)
      const { journal, log } = atExit ?? { journal: null, log: '' }
      expect(JSON.parse(journal ?? '{}').transfers).toHaveLength(COUNT)
      expect(JSON.parse(log.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ event: 'stop' })
      // The window's place was saved as it closed.
      expect(
        JSON.parse(await readFile(path.join(config.userData, 'window-state.json'), 'utf8')),
      ).toEqual({
        bounds: expect.objectContaining({ width: expect.any(Number) }),
        maximized: false,
      })
    } finally {
      bed.emulator.setFaults({})
    }

    // Started again, the app has them all, paused, to resume.
    const again = await boot(config)
    const list = await dssOf(again).invoke('transfers.list', {})
    if (!list.ok) throw new Error(list.error.message)
    expect(list.value.transfers).toHaveLength(COUNT)
    expect(list.value.transfers.every((transfer) => transfer.state === 'paused')).toBe(true)
  })
})

describe("the window's place", () => {
  const laptop = displayAt(1, { x: 0, y: 0, width: 1440, height: 900 })
  const monitor = displayAt(2, { x: 1440, y: 0, width: 2560, height: 1440 })

  const withSavedState = async (name: string, content: string) => {
    const config = folder(name)
    await mkdir(config.userData, { recursive: true })
    await writeFile(path.join(config.userData, 'window-state.json'), content)
    return config
  }

  it('opens where it was on a display still connected', async () => {
    const bounds = { x: 1600, y: 100, width: 1200, height: 800 }
    const config = await withSavedState('place-kept', JSON.stringify({ bounds, maximized: false }))
    const electron = await boot({ ...config, displays: [laptop, monitor] })
    expect(mainWindowOf(electron).getBounds()).toEqual(bounds)
  })

  it('opens centred on the primary display when its display is gone', async () => {
    const bounds = { x: 1600, y: 100, width: 1200, height: 800 }
    const config = await withSavedState('place-gone', JSON.stringify({ bounds, maximized: true }))
    const electron = await boot({ ...config, displays: [laptop] })
    const window = mainWindowOf(electron)
    expect(window.getBounds()).toEqual({ x: 120, y: 30, width: 1200, height: 800 })
    expect(window.isMaximized()).toBe(true)
  })

  it('sets a damaged window-state.json aside, says so in the log, and opens centred', async () => {
    const config = await withSavedState('place-damaged', '{"bounds": {"x": 10, "y"')
    const electron = await boot({ ...config, displays: [laptop] })
    expect(mainWindowOf(electron).getBounds()).toEqual({ x: 80, y: 30, width: 1280, height: 800 })
    const file = path.join(config.userData, 'window-state.json')
    expect(await readFile(`${file}.unreadable`, 'utf8')).toBe('{"bounds": {"x": 10, "y"')
    const log = await readFile(path.join(config.userData, 'logs', 'app.log'), 'utf8')
    expect(log).toContain('"event":"window-state","setAside":"window-state.json.unreadable"')
  })
})
