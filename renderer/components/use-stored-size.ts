/** A size in pixels the user chose (a dragged panel or sidebar), kept in localStorage. */
import { useCallback, useState } from 'react'

export type SizeLimits = { readonly min: number; readonly max: number }

export const clampSize = (value: number, { min, max }: SizeLimits): number =>
  Math.round(Math.min(Math.max(value, min), Math.max(min, max)))

/** What was stored under `key`, if it is a number at all (anything else is ignored). */
const read = (key: string): number | null => {
  try {
    const value = Number(localStorage.getItem(key))
    return localStorage.getItem(key) !== null && Number.isFinite(value) ? value : null
  } catch {
    // Storage can be off (a private window): the default size does.
    return null
  }
}

export const useStoredSize = (
  key: string,
  fallback: number,
): readonly [number, (next: number) => void] => {
  const [size, setSize] = useState(() => read(key) ?? fallback)
  const update = useCallback(
    (next: number) => {
      setSize(next)
      try {
        localStorage.setItem(key, String(next))
      } catch {
        // Not remembered, but still applied.
      }
    },
    [key],
  )
  return [size, update]
}
