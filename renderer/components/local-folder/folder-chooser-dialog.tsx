import './local-folder.css'
import { useEffect, useState, type SyntheticEvent } from 'react'
import { createPortal } from 'react-dom'
import type { AppError } from '../../../shared/errors'
import type { LocalFolderListing } from '../../../shared/local-folders'
import { useAppStore } from '../../store/app-store'
import { ErrorNotice } from '../error-notice'
import { CancelButton, Modal } from '../dialogs/modal'
import { ArrowUpIcon, FolderIcon } from '../icons'
import { Spinner } from '../spinner'

type Props = {
  readonly title: string
  readonly onChoose: (path: string) => void
  readonly onClose: () => void
}

/**
 * The web shell's folder chooser: main lists the sub-folders of a folder it handed out, from
 * the home folder on (names only). A portal keeps its form out of the form it was opened from.
 */
export const FolderChooserDialog = ({ title, onChoose, onClose }: Props) => {
  const list = useAppStore((state) => state.listLocalFolders)
  // Each click asks for a folder (a new object, so asking for the same one again lists again).
  const [asked, setAsked] = useState<{ readonly path: string | null }>({ path: null })
  const [answered, setAnswered] = useState<typeof asked | null>(null)
  const [listing, setListing] = useState<LocalFolderListing | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const loading = answered !== asked

  useEffect(() => {
    let live = true
    void list(asked.path).then((result) => {
      if (!live) return
      setAnswered(asked)
      if (result.ok) {
        setListing(result.value)
        setError(null)
      } else setError(result.error)
    })
    return () => {
      live = false
    }
  }, [asked, list])

  const open = (path: string | null) => setAsked({ path })

  // React passes events up through a portal to the components it was opened from: this
  // chooser's submit must not also submit the form around it (Modal stops its own Escape).
  const stop = (event: SyntheticEvent) => event.stopPropagation()

  return createPortal(
    <div className="folder-chooser-host" onSubmit={stop}>
      <Modal
        title={title}
        subtitle={listing?.path ?? 'Your home folder'}
        onClose={onClose}
        onSubmit={() => listing && onChoose(listing.path)}
        footer={
          <>
            <CancelButton onClick={onClose} />
            <button type="submit" className="button button-primary" disabled={!listing || loading}>
              Choose this folder
            </button>
          </>
        }
      >
        <div className="folder-chooser-bar">
          <button
            type="button"
            className="button"
            disabled={!listing?.parent || loading}
            onClick={() => listing?.parent && open(listing.parent)}
          >
            <ArrowUpIcon /> Up
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={!listing || listing.path === listing.home || loading}
            onClick={() => open(listing?.home ?? null)}
          >
            Home
          </button>
          {loading && <Spinner />}
        </div>
        {error && <ErrorNotice error={error} />}
        {listing && (
          <ul className="folder-chooser-list" aria-label={`Folders in ${listing.path}`}>
            {listing.folders.map((folder) => (
              <li key={folder.path}>
                <button
                  type="button"
                  className="folder-chooser-item"
                  onClick={() => open(folder.path)}
                >
                  <FolderIcon /> {folder.name}
                </button>
              </li>
            ))}
            {listing.folders.length === 0 && <li className="sync-note">No folders in here.</li>}
          </ul>
        )}
        {listing?.truncated && (
          <p className="field-hint">
            Only the first {listing.folders.length.toLocaleString()} are shown.
          </p>
        )}
      </Modal>
    </div>,
    document.body,
  )
}
