/** Remembers the main window's size, position and maximised state between launches. */
import path from 'node:path'
import { screen, type BrowserWindow, type Rectangle } from 'electron'
import { readJson, writeJsonAtomic } from '../core/atomic-file'

export type WindowState = { readonly bounds: Rectangle; readonly maximized: boolean }

const DEFAULT_STATE: WindowState = {
  bounds: { x: 0, y: 0, width: 1280, height: 800 },
  maximized: false,
}

/** A saved position is used only if it is still on a connected display. */
const isVisible = (bounds: Rectangle): boolean =>
  screen.getAllDisplays().some(({ workArea }) => {
    const overlapX =
      Math.min(bounds.x + bounds.width, workArea.x + workArea.width) -
      Math.max(bounds.x, workArea.x)
    const overlapY =
      Math.min(bounds.y + bounds.height, workArea.y + workArea.height) -
      Math.max(bounds.y, workArea.y)
    return overlapX > 100 && overlapY > 100
  })

export const loadWindowState = async (dataDir: string): Promise<WindowState> => {
  const saved = await readJson<WindowState | null>(path.join(dataDir, 'window-state.json'), null)
  if (!saved || !isVisible(saved.bounds)) {
    const { width, height } = DEFAULT_STATE.bounds
    const { workArea } = screen.getPrimaryDisplay()
    return {
      maximized: false,
      bounds: {
        width: Math.min(width, workArea.width),
        height: Math.min(height, workArea.height),
        x: workArea.x + Math.max(0, Math.round((workArea.width - width) / 2)),
        y: workArea.y + Math.max(0, Math.round((workArea.height - height) / 2)),
      },
    }
  }
  return saved
}

/** Saves the state whenever the window settles (debounced) and when it closes. */
export const trackWindowState = (window: BrowserWindow, dataDir: string): void => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = (): void => {
    if (window.isDestroyed()) return
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    }
    void writeJsonAtomic(path.join(dataDir, 'window-state.json'), state)
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
}
