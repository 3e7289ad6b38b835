import type { ReactNode } from 'react'

type Props = {
  readonly id: string
  readonly label: string
  readonly className: string
  /** Escape inside the panel closes it (when given). */
  readonly onClose?: () => void
  readonly children: ReactNode
}

/** A panel over the page (a tray, the request log): a named region that Escape can close. */
export const PanelRegion = ({ id, label, className, onClose, children }: Props) => (
  <section
    className={className}
    id={id}
    role="region"
    aria-label={label}
    onKeyDown={
      onClose
        ? (event) => {
            if (event.key === 'Escape') onClose()
          }
        : undefined
    }
  >
    {children}
  </section>
)
