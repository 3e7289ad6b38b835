import './dialogs.css'
import type { FormEvent, ReactNode } from 'react'
import { useEffect, useId, useRef } from 'react'

type Props = {
  /** The dialog's accessible name and heading. */
  readonly title: string
  /** A line under the title, e.g. the key it acts on (shown exactly as stored). */
  readonly subtitle?: string
  readonly onClose: () => void
  /** When given, the body is a form and Enter submits it. */
  readonly onSubmit?: () => void
  readonly footer: ReactNode
  readonly wide?: boolean
  /** Another class on the dialog, for a width of its own. */
  readonly className?: string
  readonly children: ReactNode
}

/**
 * A modal dialog on the native <dialog>: focus stays inside, Escape closes, and focus goes
 * back where it was when it closes.
 */
export const Modal = ({
  title,
  subtitle,
  onClose,
  onSubmit,
  footer,
  wide,
  className,
  children,
}: Props) => {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit?.()
  }

  return (
    <dialog
      ref={ref}
      className={['modal', wide && 'modal-wide', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <form className="modal-form" onSubmit={submit} noValidate>
        <header className="modal-header">
          <h2 className="modal-title" id={titleId}>
            {title}
          </h2>
          {subtitle !== undefined && <p className="modal-subtitle">{subtitle}</p>}
        </header>
        <div className="modal-body">{children}</div>
        <footer className="modal-footer">{footer}</footer>
      </form>
    </dialog>
  )
}

export const CancelButton = ({ onClick }: { readonly onClick: () => void }) => (
  <button type="button" className="button" onClick={onClick}>
    Cancel
  </button>
)
