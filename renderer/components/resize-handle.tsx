/**
 * A splitter between two areas (WAI-ARIA window splitter): drag it with the pointer, or focus
 * it and use the arrow keys (Shift for bigger steps), Home and End.
 */
import type { KeyboardEvent, PointerEvent } from 'react'
import { useRef } from 'react'
import type { SizeLimits } from './use-stored-size'
import { clampSize } from './use-stored-size'

type Props = {
  readonly label: string
  /** 'vertical': a bar between left and right, sizing the area on its left. 'horizontal': a bar
   * between top and bottom, sizing the area below it. */
  readonly orientation: 'vertical' | 'horizontal'
  readonly size: number
  readonly limits: SizeLimits
  readonly onResize: (size: number) => void
  readonly controls?: string
  readonly className?: string
  /** The area sized is on the other side: right of a vertical bar (a column's left edge). */
  readonly reverse?: boolean
}

const step = 16

export const ResizeHandle = ({
  label,
  orientation,
  size,
  limits,
  onResize,
  controls,
  className,
  reverse = false,
}: Props) => {
  const drag = useRef<{ readonly from: number; readonly size: number } | null>(null)
  const vertical = orientation === 'vertical'
  const at = (event: PointerEvent) => (vertical ? event.clientX : event.clientY)
  // Dragging right grows the area on the left; dragging up grows the area below. The keys
  // move the bar the same way.
  const sign = (vertical ? 1 : -1) * (reverse ? -1 : 1)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const by = event.shiftKey ? step * 4 : step
    const keys = vertical ? ['ArrowRight', 'ArrowLeft'] : ['ArrowUp', 'ArrowDown']
    const [grow, shrink] = reverse ? [keys[1], keys[0]] : keys
    const next =
      event.key === grow
        ? size + by
        : event.key === shrink
          ? size - by
          : { Home: limits.min, End: limits.max }[event.key]
    if (next === undefined) return
    event.preventDefault()
    onResize(clampSize(next, limits))
  }

  return (
    // The keys and the pointer are how a separator's value changes (WAI-ARIA window splitter).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={size}
      aria-valuemin={limits.min}
      aria-valuemax={limits.max}
      aria-controls={controls}
      // A focusable separator is a widget (its value is what the keys change): it takes focus.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className={`resize-handle is-${orientation}${className ? ` ${className}` : ''}`}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return
        event.preventDefault()
        event.currentTarget.setPointerCapture(event.pointerId)
        drag.current = { from: at(event), size }
      }}
      onPointerMove={(event) => {
        if (!drag.current) return
        onResize(clampSize(drag.current.size + sign * (at(event) - drag.current.from), limits))
      }}
      onPointerUp={() => {
        drag.current = null
      }}
      onPointerCancel={() => {
        drag.current = null
      }}
    />
  )
}
