/**
 * Remembers the main window's size, position and maximised state between launches. What to do
 * with what was saved is policy/window-state.ts; a file that does not parse is set aside.
 */
import { readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { screen, type BrowserWindow } from 'electron'
import { writeJsonAtomic } from '../core/atomic-file'
import type { AppLog } from '../core/app-log'
import { parseWindowState, restoreWindowState, type WindowState } from './policy/window-state'

export const WINDOW_STATE_FILE = 'window-state.json'

export const loadWindowState = async (dataDir: string, log: AppLog): Promise<WindowState> => {
  const file = path.join(dataDir, WINDOW_STATE_FILE)
  const text = await readFile(file, 'utf8').catch(() => null)
  const parsed = parseWindowState(text)
  if (parsed.kind === 'invalid') {
    // Kept for a person to look at; the window opens centred instead.
    await rename(file, `${file}.unreadable`).catch(() => undefined)
    log.write('window-state', {
      setAside: `${WINDOW_STATE_FILE}.unreadable`,
      reason: parsed.reason,
    })
  }
  return restoreWindowState(
    parsed.kind === 'valid' ? parsed.state : null,
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  )
}

/**
 * Saves the state whenever the window settles (debounced) and when it closes. Resolves the
 * returned function's promise once the last save is on disk (quitting waits for it).
 */
export const trackWindowState = (window: BrowserWindow, dataDir: string): (() => Promise<void>) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  let saving: Promise<void> = Promise.resolve()
  const save = (): void => {
    if (window.isDestroyed()) return
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    }
    saving = saving
      .then(() => writeJsonAtomic(path.join(dataDir, WINDOW_STATE_FILE), state))
      .catch(() => undefined)
  }
  const later = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  window.on('resize', later)
  window.on('move', later)
  window.on('close', () => {
    clearTimeout(timer)
    save()
  })
  return () => saving
}
