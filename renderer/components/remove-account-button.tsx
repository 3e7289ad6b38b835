import { useState } from 'react'
import type { AccountSummary } from '../../shared/accounts'
import type { AppError } from '../../shared/errors'
import { useAppStore } from '../store/app-store'
import { TrashIcon } from './icons'

type Step =
  | { readonly step: 'idle' }
  | { readonly step: 'confirming' }
  | { readonly step: 'removing' }
  | { readonly step: 'failed'; readonly error: AppError }

/** Removing an account asks once, in place, because its keys go with it. */
export const RemoveAccountButton = ({ account }: { readonly account: AccountSummary }) => {
  const [step, setStep] = useState<Step>({ step: 'idle' })
  const removeAccount = useAppStore((state) => state.removeAccount)

  const remove = async (): Promise<void> => {
    setStep({ step: 'removing' })
    const error = await removeAccount(account.id)
    // On success this component is gone with the account; only a failure is left to show.
    if (error) setStep({ step: 'failed', error })
  }

  if (step.step === 'idle') {
    return (
      <button type="button" className="button" onClick={() => setStep({ step: 'confirming' })}>
        <TrashIcon />
        Remove
      </button>
    )
  }
  return (
    <div className="confirm" role="group" aria-label="Confirm removal">
      <span className="confirm-text">
        {step.step === 'failed'
          ? step.error.message
          : `Remove “${account.name}” and its saved keys?`}
      </span>
      <button
        type="button"
        className="button button-danger"
        disabled={step.step === 'removing'}
        onClick={() => void remove()}
      >
        Remove account
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => setStep({ step: 'idle' })}
      >
        Cancel
      </button>
    </div>
  )
}
