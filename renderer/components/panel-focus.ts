/**
 * Where the keyboard goes with the docked panels (transfers, jobs, links, the request log): a
 * status-bar button that opens its panel moves the focus into it, so Tab goes on among the
 * panel's controls rather than past it; Escape in a panel closes it and gives the focus back to
 * its button, instead of dropping it on the page when the panel's content goes away.
 */
import { useEffect, useRef } from 'react'

/** Marks a status-bar button with the id of the panel it opens. */
export const PANEL_TOGGLE_ATTRIBUTE = 'data-panel-toggle'

/**
 * Call the returned function just before opening the panel `panelId` from its button: once the
 * panel is shown, it takes the focus. A panel opened by something else (a paste opens Jobs)
 * leaves the focus where it is.
 */
export const useFocusPanelWhenOpened = (open: boolean, panelId: string): (() => void) => {
  const opening = useRef(false)
  useEffect(() => {
    if (open && opening.current) document.getElementById(panelId)?.focus()
    opening.current = false
  }, [open, panelId])
  return () => {
    opening.current = true
  }
}

/** Gives the focus back to the button that opens the panel `panelId`. */
export const focusToggleOf = (panelId: string): void => {
  document.querySelector<HTMLElement>(`[${PANEL_TOGGLE_ATTRIBUTE}="${panelId}"]`)?.focus()
}
