/**
 * One tab stop for a toolbar (WAI-ARIA toolbar pattern): Tab enters at the button last used,
 * the arrow keys, Home and End move among the buttons that can be pressed.
 */
import type { FocusEvent, KeyboardEvent, RefObject } from 'react'
import { useCallback, useLayoutEffect, useRef } from 'react'

/** The buttons that can be pressed: enabled, and not moved to an overflow menu (hidden). */
const enabledButtons = (toolbar: HTMLElement): HTMLButtonElement[] =>
  [...toolbar.querySelectorAll('button')].filter(
    (button) => !button.disabled && !button.closest('[hidden]'),
  )

/** Makes `stop` (or the first enabled button) the one button Tab reaches. */
const setTabStop = (toolbar: HTMLElement, wanted: HTMLElement | null): void => {
  const enabled = enabledButtons(toolbar)
  const stop = wanted && enabled.includes(wanted as HTMLButtonElement) ? wanted : enabled[0]
  for (const button of toolbar.querySelectorAll('button')) {
    button.tabIndex = button === stop ? 0 : -1
  }
}

export type RovingToolbar = {
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void
}

export const useRovingToolbar = (ref: RefObject<HTMLElement | null>): RovingToolbar => {
  const last = useRef<HTMLElement | null>(null)

  // After every render: a button may have been disabled, enabled, added or removed.
  useLayoutEffect(() => {
    if (ref.current) setTabStop(ref.current, last.current)
  })

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      if (!(event.target instanceof HTMLButtonElement) || !ref.current) return
      last.current = event.target
      setTabStop(ref.current, event.target)
    },
    [ref],
  )

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const toolbar = ref.current
      if (!toolbar || event.altKey || event.ctrlKey || event.metaKey) return
      const buttons = enabledButtons(toolbar)
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
      if (at === -1) return
      const target = {
        ArrowRight: buttons[(at + 1) % buttons.length],
        ArrowLeft: buttons[(at - 1 + buttons.length) % buttons.length],
        Home: buttons[0],
        End: buttons.at(-1),
      }[event.key]
      if (!target) return
      event.preventDefault()
      target.focus()
    },
    [ref],
  )

  return { onKeyDown, onFocus }
}
