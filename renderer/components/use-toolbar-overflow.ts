/**
 * Keeps a toolbar on one row: a ResizeObserver measures which items fit, hides the rest (and any
 * divider left at the end) and says how many are shown, so the caller offers the rest in a menu.
 */
import type { RefObject } from 'react'
import { useLayoutEffect, useState } from 'react'

/** The attribute on each item that may move to the menu, in order; its value is its kind. */
export const overflowItem = 'data-overflow-item'
/** The attribute on the More button (measured too: it takes room when shown). */
export const overflowMore = 'data-overflow-more'

/** How many of the toolbar's items fit before its right edge, with room for More if some do not. */
const measure = (toolbar: HTMLElement): number => {
  const items = [...toolbar.querySelectorAll<HTMLElement>(`[${overflowItem}]`)]
  const more = toolbar.querySelector<HTMLElement>(`[${overflowMore}]`)
  // Everything shown once, on one row, to read where each item ends.
  for (const item of items) item.hidden = false
  if (more) more.hidden = false
  const box = toolbar.getBoundingClientRect()
  const style = getComputedStyle(toolbar)
  const limit =
    box.right - Number.parseFloat(style.paddingRight) - Number.parseFloat(style.borderRightWidth)
  let shown = items.length
  if ((items.at(-1)?.getBoundingClientRect().right ?? 0) > limit) {
    const moreWidth = more
      ? more.getBoundingClientRect().width + Number.parseFloat(style.columnGap || '0')
      : 0
    const room = limit - moreWidth
    shown = items.findIndex((item) => item.getBoundingClientRect().right > room)
    while (shown > 0 && items[shown - 1]?.getAttribute(overflowItem) === 'divider') shown -= 1
  }
  // Set here as well as by React, so that nothing is painted in between.
  items.forEach((item, index) => {
    item.hidden = index >= shown
  })
  if (more) more.hidden = shown === items.length
  return shown
}

/** The number of items shown; the toolbar is measured again whenever its width changes. */
export const useToolbarOverflow = (ref: RefObject<HTMLElement | null>, count: number): number => {
  const [shown, setShown] = useState(count)
  useLayoutEffect(() => {
    const toolbar = ref.current
    if (!toolbar) return
    setShown(measure(toolbar))
    const observer = new ResizeObserver(() => setShown(measure(toolbar)))
    observer.observe(toolbar)
    return () => observer.disconnect()
  }, [ref, count])
  return shown
}
