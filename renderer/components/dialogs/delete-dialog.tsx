import { useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { useAppStore } from '../../store/app-store'
import { selectionOf } from '../../store/dialogs'
import type { Location } from '../../store/location'
import type { Entry } from '../../store/object-entry'
import { countOf } from '../format'
import { ErrorNotice } from '../error-notice'
import { EstimateText } from './estimate-text'
import { EntryList } from './entry-list'
import { CancelButton, Modal } from './modal'
import { useEstimate } from './use-estimate'

type Props = { readonly location: Location; readonly entries: readonly Entry[] }

/** Confirms a delete, with what it takes when folders are in it, then runs it as a job. */
export const DeleteDialog = ({ location, entries }: Props) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const deleteEntries = useAppStore((state) => state.deleteEntries)
  const hasFolders = entries.some((entry) => entry.kind === 'folder')
  const estimate = useEstimate(
    location.accountId,
    hasFolders ? selectionOf(location.bucket, entries) : null,
    'delete',
  )
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const only = entries.length === 1 ? entries[0] : undefined

  const submit = async () => {
    if (busy) return
    setBusy(true)
    const failed = await deleteEntries(location, entries)
    setBusy(false)
    if (failed) setError(failed)
    else closeDialog()
  }

  return (
    <Modal
      title="Delete"
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <CancelButton onClick={closeDialog} />
          {/* eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus into itself (WAI-ARIA dialog pattern) */}
          <button type="submit" className="button button-danger" disabled={busy} autoFocus>
            Delete
          </button>
        </>
      }
    >
      <p className="modal-text">
        {only
          ? `Delete this ${only.kind === 'folder' ? 'folder and everything in it' : 'object'}?`
          : `Delete ${countOf(entries.length, 'item')}${hasFolders ? ', folders with everything in them' : ''}?`}{' '}
        This cannot be undone.
      </p>
      <EntryList entries={entries} />
      {estimate && <EstimateText accountId={location.accountId} estimate={estimate} />}
      {error && <ErrorNotice title="Could not start the delete" error={error} />}
    </Modal>
  )
}
