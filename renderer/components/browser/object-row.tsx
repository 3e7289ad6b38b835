import type { MouseEvent } from 'react'
import { memo } from 'react'
import type { Entry } from '../../store/object-entry'
import { formatBytes, formatDate } from '../format'
import { FileIcon, FolderIcon } from '../icons'

type Props = {
  readonly entry: Entry
  readonly index: number
  readonly top: number
  readonly selected: boolean
  readonly focused: boolean
  readonly cut: boolean
  /** Files from the OS are dragged over this folder. */
  readonly dropTarget: boolean
  readonly onClick: (entry: Entry, event: MouseEvent) => void
  readonly onOpen: (entry: Entry) => void
  readonly onContextMenu: (entry: Entry, event: MouseEvent) => void
  /** Electron: a file row can be dragged out to the desktop. */
  readonly onDragOut?: ((entry: Entry) => void) | undefined
}

/** The id a row has for the grid's aria-activedescendant. */
export const rowId = (index: number): string => `object-row-${index}`

/**
 * One row of the object table. The name is shown exactly as stored (`white-space: pre` keeps
 * leading, trailing and repeated spaces); an empty name gets a visible stand-in.
 */
export const ObjectRow = memo(function ObjectRow({
  entry,
  index,
  top,
  selected,
  focused,
  cut,
  dropTarget,
  onClick,
  onOpen,
  onContextMenu,
  onDragOut,
}: Props) {
  const draggable = onDragOut !== undefined && entry.kind === 'object'
  const className = [
    'object-row',
    focused && 'is-focused',
    cut && 'is-cut',
    dropTarget && 'is-drop-target',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    // The grid owns focus (aria-activedescendant) and handles the keys for every row; a click
    // here selects, as a key does there.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
    <div
      role="row"
      id={rowId(index)}
      className={className}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={entry.name === '' ? '(no name)' : entry.name}
      data-key={entry.key}
      data-kind={entry.kind}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => onClick(entry, event)}
      onDoubleClick={() => onOpen(entry)}
      onContextMenu={(event) => onContextMenu(entry, event)}
      draggable={draggable}
      onDragStart={
        draggable
          ? (event) => {
              // The OS drag is started by main, with the fetched file.
              event.preventDefault()
              onDragOut(entry)
            }
          : undefined
      }
    >
      <div role="gridcell" className="object-cell object-name" title={entry.key}>
        {entry.kind === 'folder' ? <FolderIcon /> : <FileIcon />}
        {entry.name === '' ? (
          <span className="object-name-empty">(no name)</span>
        ) : (
          <span className="object-name-text">{entry.name}</span>
        )}
      </div>
      <div role="gridcell" className="object-cell object-size">
        {entry.size === null ? '' : formatBytes(entry.size)}
      </div>
      <div role="gridcell" className="object-cell object-date">
        {entry.lastModified === null ? '' : formatDate(entry.lastModified)}
      </div>
      <div role="gridcell" className="object-cell object-type">
        {entry.type}
      </div>
    </div>
  )
})
