import { useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { joinKey, keyProblem, parentPrefix } from '../../../shared/s3-keys'
import { useAppStore } from '../../store/app-store'
import { selectionOf } from '../../store/dialogs'
import type { Location } from '../../store/location'
import type { Entry } from '../../store/object-entry'
import { ErrorNotice } from '../error-notice'
import { TextField } from '../text-field'
import { EstimateText } from './estimate-text'
import { CancelButton, Modal } from './modal'
import { useEstimate } from './use-estimate'

type Props = { readonly location: Location; readonly entry: Entry }

/** The last segment of a key or folder, exactly: 'a/b/' → 'b', 'a/ x ' → ' x '. */
const lastSegment = (key: string): string => {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

const nameProblem = (entry: Entry, name: string): string | null => {
  if (name === '') return 'A name cannot be empty.'
  if (name.includes('/')) return 'A name cannot contain “/”: use Move to… to change folders.'
  if (name === lastSegment(entry.key)) return null
  const key = joinKey(parentPrefix(entry.key), entry.kind === 'folder' ? `${name}/` : name)
  return keyProblem(key)
}

/** Renames one object or folder: a move to the same folder under a new name, run as a job. */
export const RenameDialog = ({ location, entry }: Props) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const rename = useAppStore((state) => state.rename)
  const current = lastSegment(entry.key)
  const [name, setName] = useState(current)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const problem = nameProblem(entry, name)
  const unchanged = name === current
  // A folder rename moves every object in it: say what that takes before it starts.
  const estimate = useEstimate(
    location.accountId,
    entry.kind === 'folder' ? selectionOf(location.bucket, [entry]) : null,
    'move',
  )

  const submit = async () => {
    if (problem !== null || unchanged || busy) return
    setBusy(true)
    const failed = await rename(location, entry, name)
    setBusy(false)
    if (failed) setError(failed)
    else closeDialog()
  }

  return (
    <Modal
      title="Rename"
      subtitle={entry.key}
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <CancelButton onClick={closeDialog} />
          <button
            type="submit"
            className="button button-primary"
            disabled={problem !== null || unchanged || busy}
          >
            Rename
          </button>
        </>
      }
    >
      <TextField
        label="New name"
        value={name}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus into itself (WAI-ARIA dialog pattern)
        autoFocus
        spellCheck={false}
        aria-invalid={problem !== null}
        onFocus={(event) => {
          // Select the name without its extension, as file managers do.
          const dot = entry.kind === 'object' ? current.lastIndexOf('.') : -1
          event.target.setSelectionRange(0, dot > 0 ? dot : current.length)
        }}
        hint={
          problem ??
          (entry.kind === 'folder'
            ? 'Renaming a folder copies and deletes every object in it.'
            : undefined)
        }
        hintTone={problem === null ? 'normal' : 'error'}
        onChange={(value) => {
          setName(value)
          setError(null)
        }}
      />
      {estimate && <EstimateText accountId={location.accountId} estimate={estimate} />}
      {error && <ErrorNotice title="Could not rename" error={error} />}
    </Modal>
  )
}
