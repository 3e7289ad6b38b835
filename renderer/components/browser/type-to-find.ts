/**
 * Type-to-find in the object table, as in Finder and Explorer: letters typed in quick succession
 * move the focus to the next row whose name starts with them.
 */
import type { Entry } from '../../store/object-entry'

/** Typing that pauses this long starts a new search. */
export const TYPE_TO_FIND_RESET_MS = 1000

type Row = Pick<Entry, 'folded'>

/**
 * The index of the row to focus for `typed` (already lower-cased), or -1. A first letter (or the
 * same letter again: "ppp") looks from the row after the focused one, so each press moves on;
 * a longer text keeps the focused row while it still matches. The search wraps round.
 */
export const findRow = (rows: readonly Row[], typed: string, focusIndex: number): number => {
  if (typed === '' || rows.length === 0) return -1
  const repeated = [...typed].every((letter) => letter === typed[0])
  const text = repeated ? (typed[0] ?? '') : typed
  const from = repeated ? focusIndex + 1 : Math.max(focusIndex, 0)
  for (let offset = 0; offset < rows.length; offset += 1) {
    const at = (from + offset) % rows.length
    if (rows[at]?.folded.startsWith(text)) return at
  }
  return -1
}

/** Whether a key press is a letter to find by (not a shortcut, not a move). */
export const isFindKey = (
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  typing: boolean,
): boolean =>
  event.key.length === 1 &&
  !event.ctrlKey &&
  !event.metaKey &&
  !event.altKey &&
  // Space selects the focused row, unless it is part of a name being typed ("my file").
  (event.key !== ' ' || typing)

/** The typed text so far, reset after a pause; `type` returns the text to find with this key. */
export const createTypedText = (now: () => number = () => Date.now()) => {
  let text = ''
  let last = -Infinity
  return {
    /** Whether letters were typed within the pause (a space then belongs to the name). */
    typing: (): boolean => text !== '' && now() - last < TYPE_TO_FIND_RESET_MS,
    type: (key: string): string => {
      const at = now()
      text = (at - last < TYPE_TO_FIND_RESET_MS ? text : '') + key.normalize('NFC').toLowerCase()
      last = at
      return text
    },
  }
}
