import { useAppStore } from '../store/app-store'
import {
  selectListingCounts,
  selectSelectedEntries,
  selectVisibleEntries,
} from '../store/visible-entries'
import { countOf, formatBytes } from './format'
import { useShownFor } from './use-shown-for'

/** The open folder's counts, what the filter shows, the selection's size, and a copy or cut just made. */
export const StatusBarBrowser = () => {
  const counts = useAppStore(selectListingCounts)
  const search = useAppStore((state) => state.listing?.search ?? null)
  const searched = useAppStore((state) => state.listing?.searched ?? null)
  const complete = useAppStore((state) => state.listing?.status.state === 'complete')
  const shown = useAppStore((state) => selectVisibleEntries(state).length)
  const selected = useAppStore(selectSelectedEntries)
  const clipboard = useAppStore((state) => state.clipboard)
  // "3 items copied" is news when it happens; the cut rows stay marked in the table after.
  const clipboardNews = useShownFor(clipboard)
  if (counts === null) return null
  const { folders, objects } = counts
  const total = folders + objects
  const bytes = selected.reduce((sum, entry) => sum + (entry.size ?? 0), 0)
  const hasFolders = selected.some((entry) => entry.kind === 'folder')
  const clipped = clipboard
    ? clipboard.selection.keys.length + clipboard.selection.prefixes.length
    : 0

  return (
    <>
      <span className="status-item" data-testid="object-count">
        {search === null
          ? `${countOf(folders, 'folder')}, ${countOf(objects, 'object')}`
          : countOf(total, 'result')}
        {!complete && ' so far'}
        {search !== null &&
          searched &&
          ` in ${countOf(searched.scanned, 'object')} (${countOf(searched.requests, 'request')})`}
        {searched?.end === 'stopped' && ', stopped'}
        {searched?.end === 'truncated' && ', stopped at the most a search keeps'}
        {searched?.stale && ' · objects changed since: press Enter to search again'}
        {shown !== total && ` · ${shown.toLocaleString()} shown`}
      </span>
      {selected.length > 0 && (
        <span className="status-item" data-testid="selection-summary">
          {selected.length.toLocaleString()} selected, {formatBytes(bytes)}
          {hasFolders && ' + folders'}
        </span>
      )}
      {clipboard && clipboardNews && (
        <span className="status-item" role="status">
          {countOf(clipped, 'item')} {clipboard.mode === 'cut' ? 'cut' : 'copied'}
        </span>
      )}
    </>
  )
}
