import './dialogs.css'
import type { FormEvent, KeyboardEvent, ReactNode } from 'react'
import { useId, useLayoutEffect, useRef, useState } from 'react'

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
 * Gives focus back to what had it before a dialog opened; when that is gone or can no longer take
 * it (a button the action disabled), to the object table, so a keyboard user is never left on
 * the page's body.
 */
const restoreFocus = (element: Element | null): void => {
  if (element instanceof HTMLElement && element.isConnected) element.focus()
  if (document.activeElement === element) return
  document.querySelector<HTMLElement>('[role="grid"]')?.focus()
}

const CONTROLS =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])'

/** The controls Tab stops at, in order (hidden ones have no box). */
const controlsOf = (dialog: HTMLElement): HTMLElement[] =>
  [...dialog.querySelectorAll<HTMLElement>(CONTROLS)].filter(
    (control) => control.tabIndex >= 0 && control.getClientRects().length > 0,
  )

const firstControl = (dialog: HTMLElement): HTMLElement | null => controlsOf(dialog)[0] ?? null

/**
 * Tab from the last control goes to the first, and Shift+Tab from the first to the last: a native
 * modal dialog keeps the page behind it inert, but lets Tab leave for the browser's own UI.
 */
const trapTab = (event: KeyboardEvent<HTMLDialogElement>): void => {
  if (event.key !== 'Tab') return
  const controls = controlsOf(event.currentTarget)
  const first = controls[0]
  const last = controls.at(-1)
  if (!first || !last) return
  const active = document.activeElement
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && active === last) {
    event.preventDefault()
    first.focus()
  }
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
  // The body mounts once the dialog is open: a field's autoFocus cannot focus into a closed one.
  const [shown, setShown] = useState(false)

  // A layout effect: its clean-up runs while the dialog is still in the page, so focus can be
  // given back before React removes it (removing an open dialog would leave focus on <body>).
  useLayoutEffect(() => {
    const dialog = ref.current
    const returnFocus = document.activeElement
    if (dialog && !dialog.open) dialog.showModal()
    // One more render, before paint, on purpose: the body must mount into the open dialog.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShown(true)
    return () => {
      dialog?.close()
      restoreFocus(returnFocus)
    }
  }, [])

  // No field asked for the focus: the first control has it, as the native dialog would give it.
  useLayoutEffect(() => {
    const dialog = ref.current
    if (shown && dialog && document.activeElement === dialog) firstControl(dialog)?.focus()
  }, [shown])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit?.()
  }

  return (
    <dialog
      ref={ref}
      className={['modal', wide && 'modal-wide', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault()
        // React passes it on to the components a portal was opened from: Escape closes this alone.
        event.stopPropagation()
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
        {shown && (
          <>
            <div className="modal-body">{children}</div>
            <footer className="modal-footer">{footer}</footer>
          </>
        )}
      </form>
    </dialog>
  )
}

export const CancelButton = ({ onClick }: { readonly onClick: () => void }) => (
  <button type="button" className="button" onClick={onClick}>
    Cancel
  </button>
)
