import { useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { useAppStore } from '../../store/app-store'
import { ErrorNotice } from '../error-notice'
import { TextField } from '../text-field'
import { EstimateText } from './estimate-text'
import { CancelButton, Modal } from './modal'
import { useEstimate } from './use-estimate'

type Props = { readonly accountId: string; readonly bucket: string }

type Step =
  | { readonly step: 'confirm' }
  | { readonly step: 'busy' }
  | { readonly step: 'not-empty' }
  | { readonly step: 'failed'; readonly error: AppError }

/**
 * Deletes a bucket once its name has been typed (a bucket cannot be brought back, and its name
 * may be taken by someone else at once); when it still holds objects, offers to empty it first
 * (a job), showing what that takes.
 */
export const DeleteBucketDialog = ({ accountId, bucket }: Props) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const deleteBucket = useAppStore((state) => state.deleteBucket)
  const startJob = useAppStore((state) => state.startJob)
  const [step, setStep] = useState<Step>({ step: 'confirm' })
  const [emptying, setEmptying] = useState(false)
  const [typed, setTyped] = useState('')
  // Said in red only once the user has tried to delete with another name.
  const [tried, setTried] = useState(false)
  const confirmed = typed === bucket
  const estimate = useEstimate(
    accountId,
    step.step === 'not-empty' ? { bucket, keys: [], prefixes: [''] } : null,
    'delete',
  )

  const remove = async () => {
    if (!confirmed) {
      setTried(true)
      return
    }
    setStep({ step: 'busy' })
    const error = await deleteBucket(accountId, bucket)
    if (!error) closeDialog()
    else
      setStep(error.code === 'BUCKET_NOT_EMPTY' ? { step: 'not-empty' } : { step: 'failed', error })
  }

  const emptyAndDelete = async () => {
    setEmptying(true)
    const error = await startJob({ kind: 'empty-bucket', accountId, bucket, deleteBucket: true })
    setEmptying(false)
    if (error) setStep({ step: 'failed', error })
    else closeDialog()
  }

  const notEmpty = step.step === 'not-empty'
  return (
    <Modal
      title="Delete bucket"
      subtitle={bucket}
      onClose={closeDialog}
      onSubmit={() => void (notEmpty ? emptyAndDelete() : remove())}
      footer={
        <>
          <CancelButton onClick={closeDialog} />
          <button
            type="submit"
            className="button button-danger"
            disabled={step.step === 'busy' || emptying}
          >
            {notEmpty ? 'Empty and delete' : 'Delete bucket'}
          </button>
        </>
      }
    >
      {notEmpty ? (
        <>
          <p className="modal-text">
            “{bucket}” is not empty. Emptying it deletes every object in it, then the bucket. This
            cannot be undone.
          </p>
          {estimate && <EstimateText accountId={accountId} estimate={estimate} />}
        </>
      ) : (
        <>
          <p className="modal-text">Delete the bucket “{bucket}”? This cannot be undone.</p>
          <TextField
            label="Bucket name"
            value={typed}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog's one field: focus starts where the user must type (WAI-ARIA dialog pattern)
            autoFocus
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            aria-invalid={tried && !confirmed}
            hint={
              tried && !confirmed
                ? `That is not the name: type “${bucket}” exactly.`
                : `Type “${bucket}” to confirm.`
            }
            hintTone={tried && !confirmed ? 'error' : 'normal'}
            onChange={(value) => {
              setTyped(value)
              setTried(false)
            }}
          />
        </>
      )}
      {step.step === 'failed' && (
        <ErrorNotice title="Could not delete the bucket" error={step.error} />
      )}
    </Modal>
  )
}
