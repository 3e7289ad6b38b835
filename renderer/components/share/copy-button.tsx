import { useEffect, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { useAppStore } from '../../store/app-store'
import { CheckIcon, CopyIcon } from '../icons'

type Props = {
  readonly text: string
  readonly label?: string
  /** The button's look: the dialog's main action, a plain button, or a small one in a list. */
  readonly look?: 'primary' | 'normal' | 'small'
  /** Takes the focus when shown: the next thing to do once a link is made. */
  readonly autoFocus?: boolean
}

const classOf = { primary: 'button button-primary', normal: 'button', small: 'row-action' }

/** Copies text to the clipboard and says so for two seconds ("Copied"), or why it could not. */
export const CopyButton = ({ text, label = 'Copy', look = 'normal', autoFocus }: Props) => {
  const copyText = useAppStore((state) => state.copyText)
  const [copied, setCopied] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2000)
    return () => clearTimeout(timer)
  }, [copied])

  const copy = async () => {
    const failed = await copyText(text)
    setError(failed)
    setCopied(failed === null)
  }

  return (
    <>
      <button
        type="button"
        className={classOf[look]}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- once a link is made, copying it is the next step
        autoFocus={autoFocus}
        onClick={() => void copy()}
      >
        {copied ? <CheckIcon /> : <CopyIcon />}
        {copied ? 'Copied' : label}
      </button>
      <span className="visually-hidden" role="status">
        {copied ? 'Copied to the clipboard' : ''}
      </span>
      {error && (
        <span className="field-hint field-hint-error" role="alert">
          {error.message}
        </span>
      )}
    </>
  )
}
