import { useState } from 'react'
import { bucketNameProblem } from '../../../shared/bucket-names'
import type { AppError } from '../../../shared/errors'
import { useAppStore } from '../../store/app-store'
import { selectAccountById, selectBucketList } from '../../store/selectors'
import { ErrorNotice } from '../error-notice'
import { TextField } from '../text-field'
import { CancelButton, Modal } from './modal'

const RULES = '3–63 characters: lowercase letters, digits, “-” and “.”.'

/** Creates a bucket, checking the S3 naming rules as the name is typed, then opens it. */
export const NewBucketDialog = ({ accountId }: { readonly accountId: string }) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const createBucket = useAppStore((state) => state.createBucket)
  const account = useAppStore(selectAccountById(accountId))
  const bucketList = useAppStore(selectBucketList(accountId))
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const taken =
    bucketList?.state === 'loaded' && bucketList.buckets.some((bucket) => bucket.name === name)
  const problem =
    name === ''
      ? null
      : (bucketNameProblem(name) ?? (taken ? 'You already have this bucket.' : null))

  const create = async () => {
    if (name === '' || problem !== null || busy) return
    setBusy(true)
    const failed = await createBucket(accountId, name)
    setBusy(false)
    if (failed) setError(failed)
    else closeDialog()
  }

  return (
    <Modal
      title="New bucket"
      subtitle={account ? `In ${account.name}` : undefined}
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
            Create bucket
          </button>
        </>
      }
    >
      <TextField
        label="Bucket name"
        value={name}
        autoFocus
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={problem !== null}
        hint={problem ?? `${RULES} Bucket names are shared by everyone on the service.`}
        hintTone={problem === null ? 'normal' : 'error'}
        onChange={(value) => {
          setName(value)
          setError(null)
        }}
      />
      {error && <ErrorNotice title="Could not create the bucket" error={error} />}
    </Modal>
  )
}
