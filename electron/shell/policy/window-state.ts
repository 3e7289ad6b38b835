/**
 * The main window's saved size and place, checked when read: a file that is not what we wrote is
 * set aside (by the glue), and a place on a display that is gone is replaced by a centred window.
 */
import { z } from 'zod'

const pixels = z.number().int().min(-100_000).max(100_000)
const size = z.number().int().min(1).max(100_000)

export const windowStateSchema = z.strictObject({
  bounds: z.strictObject({ x: pixels, y: pixels, width: size, height: size }),
  maximized: z.boolean(),
})

export type WindowState = z.infer<typeof windowStateSchema>
export type Area = WindowState['bounds']

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const

/** How much of the window must lie on one display, across and down, to be restored there. */
export const MIN_VISIBLE = 100

export type ParsedState =
  | { readonly kind: 'missing' }
  | { readonly kind: 'valid'; readonly state: WindowState }
  | { readonly kind: 'invalid'; readonly reason: string }

/** `text` is the file's content, or null when there is no file. */
export const parseWindowState = (text: string | null): ParsedState => {
  if (text === null) return { kind: 'missing' }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { kind: 'invalid', reason: 'not JSON' }
  }
  const parsed = windowStateSchema.safeParse(json)
  return parsed.success
    ? { kind: 'valid', state: parsed.data }
    : { kind: 'invalid', reason: z.prettifyError(parsed.error) }
}

const overlap = (a: Area, b: Area): { across: number; down: number } => ({
  across: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  down: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
})

const isOnSomeDisplay = (bounds: Area, workAreas: readonly Area[]): boolean =>
  workAreas.some((area) => {
    const { across, down } = overlap(bounds, area)
    return (
      across >= Math.min(MIN_VISIBLE, bounds.width) && down >= Math.min(MIN_VISIBLE, bounds.height)
    )
  })

/**
 * Where the window opens: where it was, if that is still on a connected display (`workAreas`);
 * otherwise its saved size (or the default), shrunk to fit and centred on the primary display.
 */
export const restoreWindowState = (
  saved: WindowState | null,
  workAreas: readonly Area[],
  primary: Area,
): WindowState => {
  if (saved && isOnSomeDisplay(saved.bounds, workAreas)) return saved
  const width = Math.min(saved?.bounds.width ?? DEFAULT_SIZE.width, primary.width)
  const height = Math.min(saved?.bounds.height ?? DEFAULT_SIZE.height, primary.height)
  return {
    maximized: saved?.maximized ?? false,
    bounds: {
      width,
      height,
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
    },
  }
}
