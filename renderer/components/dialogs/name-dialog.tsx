import { useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { useAppStore } from '../../store/app-store'
import { ErrorNotice } from '../error-notice'
import { TextField } from '../text-field'
import { CancelButton, Modal } from './modal'

type Props = {
  readonly title: string
  readonly subtitle: string | undefined
  readonly label: string
  readonly submitLabel: string
  /** Shown under the field while the name is fine. */
  readonly hint: string
  /** Why a (non-empty) name cannot be used, or null. */
  readonly problemOf: (name: string) => string | null
  /** Makes the thing; an error keeps the dialog open with it. */
  readonly create: (name: string) => Promise<AppError | null>
  readonly errorTitle: string
}

/**
 * Whether a name is wrong whatever is typed after it ("Bad_Name", "a/", "xn--"): said at once.
 * A name that is only unfinished ("ab", "bucket-") is not called wrong while it is being typed.
 */
const cannotBeFixedByTyping = (name: string, problemOf: (name: string) => string | null) =>
  problemOf(`${name}a0`) !== null

/**
 * A dialog that asks for one name, checks it as it is typed, and creates something with it
 * (a bucket, a folder); it closes when that worked.
 */
export const NameDialog = ({
  title,
  subtitle,
  label,
  submitLabel,
  hint,
  problemOf,
  create,
  errorTitle,
}: Props) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  /** The user left the field or tried to create: from then on every problem is said. */
  const [touched, setTouched] = useState(false)
  const problem = name === '' ? null : problemOf(name)
  const shownProblem = problem !== null && (touched || cannotBeFixedByTyping(name, problemOf))

  const submit = async () => {
    setTouched(true)
    if (name === '' || problem !== null || busy) return
    setBusy(true)
    const failed = await create(name)
    setBusy(false)
    if (failed) setError(failed)
    else closeDialog()
  }

  return (
    <Modal
      title={title}
      subtitle={subtitle}
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <CancelButton onClick={closeDialog} />
          <button
            type="submit"
            className="button button-primary"
            // An unfinished name can be tried: trying says what is missing.
            disabled={name === '' || shownProblem || busy}
          >
            {submitLabel}
          </button>
        </>
      }
    >
      <TextField
        label={label}
        value={name}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus into itself (WAI-ARIA dialog pattern)
        autoFocus
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={shownProblem}
        hint={shownProblem ? (problem ?? hint) : hint}
        hintTone={shownProblem ? 'error' : 'normal'}
        onBlur={() => setTouched(name !== '')}
        onChange={(value) => {
          setName(value)
          setError(null)
        }}
      />
      {error && <ErrorNotice title={errorTitle} error={error} />}
    </Modal>
  )
}
