import { useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { folderNameProblem, joinKey, keyProblem } from '../../../shared/s3-keys'
import { useAppStore } from '../../store/app-store'
import type { Location } from '../../store/location'
import { ErrorNotice } from '../error-notice'
import { TextField } from '../text-field'
import { CancelButton, Modal } from './modal'

/** Asks for a folder name, checked as typed, and creates the folder in the open one. */
export const NewFolderDialog = ({ location }: { readonly location: Location }) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const createFolder = useAppStore((state) => state.createFolder)
  const entries = useAppStore((state) => state.listing?.entries)
  const exists = (name: string): boolean =>
    entries?.some((entry) => entry.key === joinKey(location.prefix, `${name}/`)) ?? false
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const problem =
    name === ''
      ? null
      : (folderNameProblem(name) ??
        keyProblem(joinKey(location.prefix, `${name}/`)) ??
        (exists(name) ? `A folder named “${name}” is already here.` : null))

  const create = async () => {
    if (name === '' || problem !== null || busy) return
    setBusy(true)
    const result = await createFolder(location, name)
    setBusy(false)
    if (result.ok) closeDialog()
    else setError(result.error)
  }

  return (
    <Modal
      title="New folder"
      subtitle={`In ${location.bucket}/${location.prefix}`}
      onClose={closeDialog}
      onSubmit={() => void create()}
      footer={
        <>
          <CancelButton onClick={closeDialog} />
          <button
            type="submit"
            className="button button-primary"
            disabled={name === '' || problem !== null || busy}
          >
            Create folder
          </button>
        </>
      }
    >
      <TextField
        label="Folder name"
        value={name}
        autoFocus
        spellCheck={false}
        aria-invalid={problem !== null}
        hint={problem ?? 'Any characters but “/”. Spaces are kept as typed.'}
        hintTone={problem === null ? 'normal' : 'error'}
        onChange={(value) => {
          setName(value)
          setError(null)
        }}
      />
      {error && <ErrorNotice title="Could not create the folder" error={error} />}
    </Modal>
  )
}
