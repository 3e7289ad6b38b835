import type { KeyboardEvent, MouseEvent, ReactNode } from 'react'
import { useEffect, useRef } from 'react'
import { ChevronRightIcon } from '../icons'
import { Spinner } from '../spinner'
import type { DropHandlers } from '../uploads/use-file-drop'

type Props = {
  readonly label: string
  readonly level: number
  readonly icon: ReactNode
  /** null for a node without children. */
  readonly expanded: boolean | null
  readonly current: boolean
  readonly busy?: boolean
  readonly tabbable?: boolean
  readonly extra?: ReactNode
  readonly onActivate: () => void
  readonly onToggle?: () => void
  readonly onMenu?: (x: number, y: number) => void
  readonly onDelete?: () => void
  /** Makes the row a drop target for files from the OS (buckets and folders). */
  readonly drop?: { readonly over: boolean; readonly handlers: DropHandlers | null }
}

/**
 * One row of the sidebar tree. Rows are siblings with aria-level (a flat tree), so a row's box
 * is the row alone and clicking a node never lands on one of its children.
 */
export const TreeRow = ({
  label,
  level,
  icon,
  expanded,
  current,
  busy = false,
  tabbable = false,
  extra,
  onActivate,
  onToggle,
  onMenu,
  onDelete,
  drop,
}: Props) => {
  const ref = useRef<HTMLDivElement>(null)
  // The current row comes into view when it becomes current (the tree follows the table).
  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    if (event.key === 'Enter' || event.key === ' ') onActivate()
    else if (event.key === 'ArrowRight' && expanded === false) onToggle?.()
    else if (event.key === 'ArrowLeft' && expanded === true) onToggle?.()
    else if (event.key === 'Delete' && onDelete) onDelete()
    else if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && onMenu) {
      const box = event.currentTarget.getBoundingClientRect()
      onMenu(box.left + 24, box.bottom)
    } else return
    event.preventDefault()
    event.stopPropagation()
  }

  const onContextMenu = (event: MouseEvent) => {
    if (!onMenu) return
    event.preventDefault()
    onMenu(event.clientX, event.clientY)
  }

  return (
    <div
      ref={ref}
      role="treeitem"
      className={drop?.over ? 'tree-row is-drop-target' : 'tree-row'}
      aria-level={level}
      aria-expanded={expanded ?? undefined}
      aria-selected={current}
      aria-current={current ? 'page' : undefined}
      aria-label={label}
      aria-busy={busy || undefined}
      tabIndex={tabbable || current ? 0 : -1}
      style={{ paddingLeft: 4 + (level - 1) * 14 }}
      onClick={onActivate}
      onKeyDown={onKeyDown}
      onContextMenu={onContextMenu}
      {...drop?.handlers}
    >
      <span
        className={expanded === null ? 'tree-twisty is-leaf' : 'tree-twisty'}
        data-expanded={expanded ?? undefined}
        aria-hidden="true"
        onClick={(event) => {
          if (expanded === null) return
          event.stopPropagation()
          onToggle?.()
        }}
      >
        {expanded !== null && <ChevronRightIcon />}
      </span>
      {icon}
      <span className="tree-label">{label === '' ? '(no name)' : label}</span>
      {busy && <Spinner />}
      {extra}
    </div>
  )
}

/** A row that is not a place: folders still loading, or why they could not be listed. */
export const TreeNote = ({
  level,
  children,
  tone = 'normal',
}: {
  readonly level: number
  readonly children: ReactNode
  readonly tone?: 'normal' | 'error'
}) => (
  <div
    role="treeitem"
    aria-level={level}
    aria-disabled="true"
    aria-selected={false}
    className={tone === 'error' ? 'tree-note is-error' : 'tree-note'}
    style={{ paddingLeft: 4 + (level - 1) * 14 + 18 }}
  >
    {children}
  </div>
)
