import type { ReactNode } from 'react'

type Props = {
  readonly open: boolean
  readonly setOpen: (open: boolean) => void
  /** The id of the panel it opens. */
  readonly controls: string
  /** Marks the button when something in the panel failed. */
  readonly failed?: boolean
  readonly children: ReactNode
}

/** A status-bar button that opens and closes a panel (jobs, transfers, links). */
export const PanelToggle = ({ open, setOpen, controls, failed = false, children }: Props) => (
  <button
    type="button"
    className={failed ? 'status-button has-failures' : 'status-button'}
    aria-expanded={open}
    aria-controls={open ? controls : undefined}
    onClick={() => setOpen(!open)}
  >
    {children}
  </button>
)
