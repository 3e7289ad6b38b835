/** Which rows of a long list are in view of a scrolling element, for rendering only those. */
import type { RefObject } from 'react'
import { useCallback, useLayoutEffect, useState } from 'react'

export type VirtualWindow = {
  /** First and one-past-last row index to render, overscan included. */
  readonly start: number
  readonly end: number
  /** Height of the scrolling element. */
  readonly viewport: number
  onScroll(): void
}

export const useVirtualWindow = (
  ref: RefObject<HTMLElement | null>,
  rowCount: number,
  rowHeight: number,
  headerHeight: number,
  overscan = 8,
): VirtualWindow => {
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(0)

  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    setViewport(element.clientHeight)
    const observer = new ResizeObserver(() => setViewport(element.clientHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])

  const onScroll = useCallback(() => {
    if (ref.current) setScrollTop(ref.current.scrollTop)
  }, [ref])

  const first = Math.floor(scrollTop / rowHeight)
  const last = Math.ceil((scrollTop + Math.max(0, viewport - headerHeight)) / rowHeight)
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(rowCount, last + overscan),
    viewport,
    onScroll,
  }
}

/** Scrolls just enough for row `index` to be in view below a sticky header. */
export const scrollRowIntoView = (
  element: HTMLElement,
  index: number,
  rowHeight: number,
  headerHeight: number,
): void => {
  const top = index * rowHeight
  const visible = element.clientHeight - headerHeight
  if (top < element.scrollTop) element.scrollTop = top
  else if (top + rowHeight > element.scrollTop + visible) {
    element.scrollTop = top + rowHeight - visible
  }
}
