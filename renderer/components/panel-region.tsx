import type { ReactNode } from 'react'
import { focusToggleOf } from './panel-focus'

type Props = {
  readonly id: string
  readonly label: string
  readonly className: string
  /** Escape inside the panel closes it (when given), and its button takes the focus back. */
  readonly onClose?: () => void
  readonly children: ReactNode
}

/**
 * A docked panel (a tray, the request log): a named region that Escape can close, focusable by
 * script so its button can move the focus into it (panel-focus.ts).
 */
export const PanelRegion = ({ id, label, className, onClose, children }: Props) => (
  // A named <section> is a region; Escape bubbles up from whatever inside has focus.
  // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
  <section
    className={className}
    id={id}
    aria-label={label}
    tabIndex={-1}
    onKeyDown={
      onClose
        ? (event) => {
            if (event.key !== 'Escape') return
            onClose()
            focusToggleOf(id)
          }
        : undefined
    }
  >
    {children}
  </section>
)
