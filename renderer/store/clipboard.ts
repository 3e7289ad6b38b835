/** The app's clipboard of objects and folders, and when pasting it somewhere makes no sense. */
import type { RequestSelection } from './dialogs'
import type { Location } from './location'

export type Clipboard = {
  readonly mode: 'copy' | 'cut'
  readonly accountId: string
  readonly selection: RequestSelection
  /** Where the items were taken from. */
  readonly from: Location
}

/** Why the clipboard cannot be pasted at `target`, or null when it can. */
export const pasteProblem = (
  clipboard: Clipboard | null,
  target: Location | null,
): string | null => {
  if (!clipboard) return 'Nothing to paste: copy or cut something first.'
  if (!target) return 'Open a folder to paste into.'
  // Another account is another store: the items are read there and written here, all allowed.
  if (clipboard.accountId !== target.accountId) return null
  if (clipboard.from.bucket === target.bucket && clipboard.from.prefix === target.prefix) {
    return 'These items are already in this folder.'
  }
  const inside = clipboard.selection.prefixes.some(
    (prefix) => clipboard.selection.bucket === target.bucket && target.prefix.startsWith(prefix),
  )
  return inside ? 'A folder cannot be pasted into itself.' : null
}
