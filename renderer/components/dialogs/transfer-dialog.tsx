import { useId, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { useAppStore } from '../../store/app-store'
import { pasteProblem } from '../../store/clipboard'
import type { TransferMode } from '../../store/dialogs'
import { selectionOf } from '../../store/dialogs'
import type { Location } from '../../store/location'
import type { Entry } from '../../store/object-entry'
import { selectBucketList } from '../../store/selectors'
import { ErrorNotice } from '../error-notice'
import { TextField } from '../text-field'
import { EntryList } from './entry-list'
import { EstimateText } from './estimate-text'
import { CancelButton, Modal } from './modal'
import { useEstimate } from './use-estimate'

type Props = {
  readonly mode: TransferMode
  readonly location: Location
  readonly entries: readonly Entry[]
}

/** A typed folder as a prefix: '' for the root, else ending in exactly the '/' typed or one added. */
const asPrefix = (folder: string): string =>
  folder === '' || folder.endsWith('/') ? folder : `${folder}/`

/** "Move to…" / "Copy to…": a bucket of the same account and a folder in it. */
export const TransferDialog = ({ mode, location, entries }: Props) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const transfer = useAppStore((state) => state.transfer)
  const bucketList = useAppStore(selectBucketList(location.accountId))
  const buckets = bucketList?.state === 'loaded' ? bucketList.buckets : []
  const [bucket, setBucket] = useState(location.bucket)
  const [folder, setFolder] = useState(location.prefix)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  // It opens on the current folder, where nothing can go: that is said once the user has chosen.
  const [chosen, setChosen] = useState(false)
  const bucketId = useId()
  const selection = selectionOf(location.bucket, entries)
  const estimate = useEstimate(
    location.accountId,
    selection.prefixes.length > 0 ? selection : null,
    mode,
  )
  const target = { ...location, bucket, prefix: asPrefix(folder) }
  const problem = pasteProblem(
    { mode: 'copy', accountId: location.accountId, selection, from: location },
    target,
  )
  const verb = mode === 'move' ? 'Move' : 'Copy'
  const shownProblem = chosen ? problem : null

  const submit = async () => {
    if (problem !== null || busy) return
    setBusy(true)
    const failed = await transfer(mode, location, entries, {
      bucket: target.bucket,
      prefix: target.prefix,
    })
    setBusy(false)
    if (failed) setError(failed)
    else closeDialog()
  }

  return (
    <Modal
      title={`${verb} to`}
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <CancelButton onClick={closeDialog} />
          <button
            type="submit"
            className="button button-primary"
            disabled={problem !== null || busy}
          >
            {verb}
          </button>
        </>
      }
    >
      <EntryList entries={entries} />
      <div className="field">
        <label className="field-label" htmlFor={bucketId}>
          Bucket
        </label>
        <select
          id={bucketId}
          className="input"
          value={bucket}
          onChange={(event) => {
            setBucket(event.target.value)
            setChosen(true)
          }}
        >
          {(buckets.some(({ name }) => name === bucket) ? buckets : [{ name: bucket }]).map(
            ({ name }) => (
              <option key={name} value={name}>
                {name}
              </option>
            ),
          )}
        </select>
      </div>
      <TextField
        label="Folder"
        value={folder}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus into itself (WAI-ARIA dialog pattern)
        autoFocus
        spellCheck={false}
        placeholder="Empty for the top of the bucket"
        aria-invalid={shownProblem !== null}
        hint={
          shownProblem ??
          (problem === null ? `To ${bucket}/${target.prefix}` : 'Choose a bucket and a folder.')
        }
        hintTone={shownProblem === null ? 'normal' : 'error'}
        onChange={(value) => {
          setFolder(value)
          setChosen(true)
          setError(null)
        }}
      />
      {estimate && <EstimateText accountId={location.accountId} estimate={estimate} />}
      {error && <ErrorNotice title={`Could not start the ${mode}`} error={error} />}
    </Modal>
  )
}
