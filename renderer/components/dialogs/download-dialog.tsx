import { useState } from 'react'
import type { AppError } from '../../../shared/errors'
import type { LocalClashPolicy } from '../../../shared/name-clash'
import { useAppStore } from '../../store/app-store'
import type { Location } from '../../store/location'
import type { Entry } from '../../store/object-entry'
import { ErrorNotice } from '../error-notice'
import { LocalFolderField } from '../local-folder/local-folder-field'
import { EntryList } from './entry-list'
import { CancelButton, Modal } from './modal'

type Props = { readonly location: Location; readonly entries: readonly Entry[] }

/** What to do with a local file of the same name; replacing is never the default. */
const CHOICES: readonly { readonly value: LocalClashPolicy; readonly label: string }[] = [
  { value: 'keep-both', label: 'Keep both: save the download as “name (1)”' },
  { value: 'skip', label: 'Skip: leave the file there and do not download it' },
  { value: 'overwrite', label: 'Replace: the finished download takes the file’s place' },
]

/** "Download": the selection (folders recursively) into a local folder, the Downloads by default. */
export const DownloadDialog = ({ location, entries }: Props) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const download = useAppStore((state) => state.download)
  const lastFolder = useAppStore((state) => state.lastDownloadFolder)
  const [folder, setFolder] = useState(lastFolder ?? '')
  const [conflict, setConflict] = useState<LocalClashPolicy>('keep-both')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const destination = folder.trim() === '' ? null : folder.trim()

  const submit = async () => {
    if (busy) return
    setBusy(true)
    const failed = await download(location, entries, destination, conflict)
    setBusy(false)
    if (failed) setError(failed)
    else closeDialog()
  }

  return (
    <Modal
      title="Download"
      subtitle={`From ${location.bucket}/${location.prefix}`}
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <CancelButton onClick={closeDialog} />
          <button type="submit" className="button button-primary" disabled={busy}>
            Download
          </button>
        </>
      }
    >
      <EntryList entries={entries} />
      <LocalFolderField
        label="Save to folder"
        title="Save the download in which folder?"
        value={folder}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus into itself (WAI-ARIA dialog pattern)
        autoFocus
        placeholder="Empty for your Downloads folder"
        hint={
          destination === null
            ? 'Into your Downloads folder. Folders keep their structure.'
            : 'A full path on this computer, e.g. /home/me/backup. It is created if missing.'
        }
        onChange={(value) => {
          setFolder(value)
          setError(null)
        }}
      />
      <fieldset className="clash-choice">
        <legend className="field-label">When a file of the same name is there</legend>
        {CHOICES.map(({ value, label }) => (
          <label key={value} className="clash-choice-option">
            <input
              type="radio"
              name="download-clash"
              value={value}
              checked={conflict === value}
              onChange={() => setConflict(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {error && <ErrorNotice title="Could not start the download" error={error} />}
    </Modal>
  )
}
