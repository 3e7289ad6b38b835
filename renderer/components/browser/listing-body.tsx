import { useAppStore } from '../../store/app-store'
import { selectVisibleEntries } from '../../store/visible-entries'
import { ErrorNotice } from '../error-notice'
import { FolderIcon, SearchIcon, UploadIcon } from '../icons'
import { Spinner } from '../spinner'
import { ObjectTable } from './object-table'
import { useTableDrop } from './use-table-drop'

type Props = { readonly onContextMenu: (x: number, y: number) => void }

/** The table area: the rows, or why there are none — loading, empty, no match, or an error. */
export const ListingBody = ({ onContextMenu }: Props) => {
  const listing = useAppStore((state) => state.listing)
  const visibleCount = useAppStore((state) => selectVisibleEntries(state).length)
  const filterText = useAppStore((state) => state.filterText)
  const actionError = useAppStore((state) => state.actionError)
  const refreshListing = useAppStore((state) => state.refreshListing)
  const dismissActionError = useAppStore((state) => state.dismissActionError)
  const { spot, handlers } = useTableDrop(listing?.location ?? null)
  if (!listing) return null
  const { status, entries, search } = listing

  const notices = (
    <>
      {actionError && (
        <div className="browser-notice">
          <ErrorNotice
            title={actionError.title}
            error={actionError.error}
            onDismiss={dismissActionError}
          />
        </div>
      )}
      {status.state === 'failed' && (
        <div className="browser-notice">
          <ErrorNotice
            title={
              entries.length > 0
                ? `Listing stopped after ${entries.length.toLocaleString()} items`
                : search === null
                  ? 'Could not list this folder'
                  : 'Could not search the bucket'
            }
            error={status.error}
            onRetry={refreshListing}
          />
        </div>
      )}
    </>
  )

  // The table stays mounted through loading and empty states, so keyboard focus survives.
  const empty =
    entries.length === 0 && status.state === 'loading' ? (
      <p className="placeholder" role="status">
        <Spinner /> {search === null ? 'Loading…' : 'Searching…'}
      </p>
    ) : entries.length === 0 && status.state === 'failed' ? null : entries.length === 0 ? (
      <div className="placeholder">
        {search === null ? <FolderIcon /> : <SearchIcon />}
        <p className="placeholder-title">
          {search === null ? 'This folder is empty' : 'No keys found'}
        </p>
        <p>
          {search === null
            ? 'Drop files or folders here to upload them, or create a folder.'
            : 'No key below this folder contains that text.'}
        </p>
      </div>
    ) : visibleCount === 0 ? (
      <div className="placeholder">
        <SearchIcon />
        <p className="placeholder-title">Nothing matches “{filterText}”</p>
        <p>The filter looks at the names loaded in this folder.</p>
      </div>
    ) : null

  return (
    <>
      {notices}
      <div
        className={spot?.key === null ? 'object-table-area is-drop-target' : 'object-table-area'}
        {...handlers}
      >
        <ObjectTable onContextMenu={onContextMenu} dropKey={spot?.key ?? null} />
        {empty && !spot && <div className="object-table-empty">{empty}</div>}
        {spot && (
          <p className="drop-hint" aria-hidden="true">
            <UploadIcon />
            Drop to upload to{' '}
            <span className="drop-hint-place">
              {listing.location.bucket}/{spot.key ?? listing.location.prefix}
            </span>
          </p>
        )}
      </div>
    </>
  )
}
