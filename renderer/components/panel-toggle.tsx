import type { ReactNode } from 'react'
import { PANEL_TOGGLE_ATTRIBUTE, useFocusPanelWhenOpened } from './panel-focus'

type Props = {
  readonly open: boolean
  readonly setOpen: (open: boolean) => void
  /** The id of the panel it opens. */
  readonly controls: string
  /** Marks the button when something in the panel failed. */
  readonly failed?: boolean
  readonly children: ReactNode
}

/** A status-bar button that opens (and focuses) or closes a panel (jobs, transfers, links). */
export const PanelToggle = ({ open, setOpen, controls, failed = false, children }: Props) => {
  const focusWhenOpened = useFocusPanelWhenOpened(open, controls)
  return (
    <button
      type="button"
      className={failed ? 'status-button has-failures' : 'status-button'}
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      {...{ [PANEL_TOGGLE_ATTRIBUTE]: controls }}
      onClick={() => {
        if (!open) focusWhenOpened()
        setOpen(!open)
      }}
    >
      {children}
    </button>
  )
}
