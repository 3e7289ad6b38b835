import { describe, expect, it } from 'vitest'
import { parseWindowState, restoreWindowState, type WindowState } from './window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 875 }
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1415 }

const state = (
  x: number,
  y: number,
  width = 1000,
  height = 700,
  maximized = false,
): WindowState => ({
  bounds: { x, y, width, height },
  maximized,
})

describe('restoring the window', () => {
  it('opens where it was when that place is on a connected display', () => {
    const saved = state(1600, 100, 1200, 900, true)
    expect(restoreWindowState(saved, [laptop, rightMonitor], laptop)).toEqual(saved)
  })

  it('centres on the primary display when the display it was on is gone', () => {
    // Saved on the right monitor; only the laptop screen is left.
    expect(restoreWindowState(state(2000, 200, 1200, 900), [laptop], laptop)).toEqual({
      maximized: false,
      bounds: { x: 120, y: 0, width: 1200, height: 875 },
    })
  })

  it('does not restore a window that shows less than 100 pixels across or down', () => {
    const barelyVisible = state(1350, 100)
    expect(restoreWindowState(barelyVisible, [laptop], laptop).bounds.x).toBe(220)
    const visible = state(1340, 100)
    expect(restoreWindowState(visible, [laptop], laptop)).toEqual(visible)
  })

  it('opens at the default size, centred, when nothing was saved', () => {
    expect(restoreWindowState(null, [rightMonitor], rightMonitor)).toEqual({
      maximized: false,
      bounds: { x: 1440 + 640, y: 308, width: 1280, height: 800 },
    })
  })

  it('keeps the primary display’s offset (a primary that is not at 0,0)', () => {
    const primary = { x: -1920, y: 24, width: 1920, height: 1056 }
    expect(restoreWindowState(null, [primary], primary).bounds).toEqual({
      x: -1920 + 320,
      y: 24 + 128,
      width: 1280,
      height: 800,
    })
  })
})

describe('reading window-state.json', () => {
  it('takes what the app wrote', () => {
    const text = JSON.stringify(state(10, 20, 800, 600, true))
    expect(parseWindowState(text)).toEqual({ kind: 'valid', state: state(10, 20, 800, 600, true) })
  })

  it('says there is no file', () => {
    expect(parseWindowState(null)).toEqual({ kind: 'missing' })
  })

  it.each([
    ['half a file', '{"bounds": {"x": 1'],
    [
      'a wrong type',
      '{"bounds": {"x": "1", "y": 0, "width": 800, "height": 600}, "maximized": false}',
    ],
    ['a missing field', '{"bounds": {"x": 1, "y": 0, "width": 800}, "maximized": false}'],
    ['a zero size', '{"bounds": {"x": 1, "y": 0, "width": 0, "height": 600}, "maximized": false}'],
    [
      'an unknown field',
      '{"bounds": {"x": 1, "y": 0, "width": 8, "height": 6}, "maximized": false, "z": 1}',
    ],
    ['null', 'null'],
    ['an array', '[]'],
  ])('finds %s invalid', (_, text) => {
    expect(parseWindowState(text)).toMatchObject({ kind: 'invalid', reason: expect.any(String) })
  })
})
