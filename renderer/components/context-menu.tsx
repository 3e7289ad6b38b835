import './context-menu.css'
import type { KeyboardEvent } from 'react'
import { useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

export type MenuItem =
  | {
      readonly kind?: 'item'
      readonly label: string
      /** Shown at the right, e.g. 'Ctrl+C'. */
      readonly shortcut?: string
      /** For `aria-keyshortcuts`, e.g. 'Control+C'. */
      readonly ariaShortcut?: string
      readonly disabled?: boolean
      readonly danger?: boolean
      readonly run: () => void
    }
  | { readonly kind: 'separator' }

type Props = {
  readonly label: string
  readonly x: number
  readonly y: number
  readonly items: readonly MenuItem[]
  readonly onClose: () => void
}

const enabledItems = (menu: HTMLElement): HTMLElement[] =>
  [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')].filter(
    (item) => item.getAttribute('aria-disabled') !== 'true',
  )

/**
 * A context menu at a point, kept inside the window: arrow keys move, Enter runs, Escape or a
 * click elsewhere closes it and gives focus back to where it was.
 */
export const ContextMenu = ({ label, x, y, items, onClose }: Props) => {
  const ref = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState({ left: x, top: y })

  useLayoutEffect(() => {
    const menu = ref.current
    if (!menu) return
    const returnFocus = document.activeElement as HTMLElement | null
    const { width, height } = menu.getBoundingClientRect()
    setPosition({
      left: Math.max(4, Math.min(x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(y, window.innerHeight - height - 4)),
    })
    enabledItems(menu)[0]?.focus()
    const close = (event: Event) => {
      if (!menu.contains(event.target as Node)) onClose()
    }
    document.addEventListener('mousedown', close, true)
    window.addEventListener('blur', onClose)
    window.addEventListener('resize', onClose)
    return () => {
      document.removeEventListener('mousedown', close, true)
      window.removeEventListener('blur', onClose)
      window.removeEventListener('resize', onClose)
      if (menu.contains(document.activeElement)) returnFocus?.focus()
    }
  }, [x, y, onClose])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const menu = ref.current
    if (!menu) return
    event.stopPropagation()
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault()
      onClose()
      return
    }
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key]
    if (step === undefined) return
    event.preventDefault()
    const enabled = enabledItems(menu)
    const at = enabled.indexOf(document.activeElement as HTMLElement)
    enabled[(at + step + enabled.length) % enabled.length]?.focus()
  }

  return createPortal(
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={label}
      // Focus is on an item; the menu itself is focusable only so that focus can land in it.
      tabIndex={-1}
      style={position}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item, index) =>
        item.kind === 'separator' ? (
          <div key={`separator-${index}`} role="separator" className="context-menu-separator" />
        ) : (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={item.danger ? 'context-menu-item is-danger' : 'context-menu-item'}
            aria-disabled={item.disabled ? 'true' : undefined}
            aria-keyshortcuts={item.ariaShortcut}
            onClick={() => {
              if (item.disabled) return
              onClose()
              item.run()
            }}
          >
            <span className="context-menu-label">{item.label}</span>
            {item.shortcut && (
              <kbd className="context-menu-shortcut" aria-hidden="true">
                {item.shortcut}
              </kbd>
            )}
          </button>
        ),
      )}
    </div>,
    document.body,
  )
}
