import './object-table.css'
import type { KeyboardEvent, MouseEvent } from 'react'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { appStore, useAppStore } from '../../store/app-store'
import type { Entry } from '../../store/object-entry'
import { treeNodeId } from '../../store/tree-slice'
import { selectFocusIndex, selectVisibleEntries } from '../../store/visible-entries'
import { isMac } from '../shortcuts'
import { openEntry } from './object-commands'
import { ObjectRow, rowId } from './object-row'
import { ObjectTableHeader } from './object-table-header'
import { columnStyle, optionalColumns, useTableColumns } from './table-columns'
import { createTypedText, findRow, isFindKey } from './type-to-find'
import { scrollRowIntoView, useVirtualWindow } from './use-virtual-window'

/** Keep in step with --object-row and --object-head in browser.css. */
export const ROW_HEIGHT = 28
const HEADER_HEIGHT = 30

type Props = {
  /** Opens the context menu for the selection (or the empty area) at a point. */
  readonly onContextMenu: (x: number, y: number) => void
  /** The folder row files are dragged over, highlighted as the drop target. */
  readonly dropKey: string | null
}

/**
 * The folder's rows as a virtualised grid: only the rows in view (and a few more) are in the
 * DOM, positioned in a body as tall as all rows, so 100,000 rows scroll like 100.
 */
export const ObjectTable = ({ onContextMenu, dropKey }: Props) => {
  const rows = useAppStore(selectVisibleEntries)
  const selectedKeys = useAppStore((state) => state.selectedKeys)
  const cutSelection = useAppStore((state) =>
    state.clipboard?.mode === 'cut' && state.clipboard.selection.bucket === state.location?.bucket
      ? state.clipboard.selection
      : null,
  )
  const cutKeys = useMemo(
    () => new Set(cutSelection ? [...cutSelection.keys, ...cutSelection.prefixes] : []),
    [cutSelection],
  )
  const selectEntry = useAppStore((state) => state.selectEntry)
  const moveFocus = useAppStore((state) => state.moveFocus)
  const clearSelection = useAppStore((state) => state.clearSelection)
  const ref = useRef<HTMLDivElement>(null)
  const typed = useRef(createTypedText()).current
  const columns = useTableColumns()
  const hidden = columns.settings.hidden
  const { start, end, viewport, onScroll } = useVirtualWindow(
    ref,
    rows.length,
    ROW_HEIGHT,
    HEADER_HEIGHT,
  )
  const focusIndex = useAppStore(selectFocusIndex)
  // What is listed: another folder or search starts at the top (a refresh keeps the place).
  const listed = useAppStore((state) =>
    state.listing ? `${treeNodeId(state.listing.location)}${state.listing.search ?? '\n'}` : '',
  )

  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = 0
  }, [listed])

  useEffect(() => {
    if (ref.current && focusIndex !== -1) {
      scrollRowIntoView(ref.current, focusIndex, ROW_HEIGHT, HEADER_HEIGHT)
    }
  }, [focusIndex])

  const onRowClick = useCallback(
    (entry: Entry, event: MouseEvent) => {
      const toggle = isMac ? event.metaKey : event.ctrlKey
      selectEntry(entry.key, event.shiftKey ? 'range' : toggle ? 'toggle' : 'replace')
    },
    [selectEntry],
  )

  const onRowContextMenu = useCallback(
    (entry: Entry, event: MouseEvent) => {
      event.preventDefault()
      event.stopPropagation()
      if (!appStore.getState().selectedKeys.has(entry.key)) selectEntry(entry.key, 'replace')
      onContextMenu(event.clientX, event.clientY)
    },
    [selectEntry, onContextMenu],
  )

  const canDragOut = useAppStore((state) => state.canDragOut)
  const dragOutEntry = useCallback((entry: Entry) => {
    const { location, dragOut } = appStore.getState()
    if (location) dragOut(location, entry.key)
  }, [])
  const onDragOut = canDragOut ? dragOutEntry : undefined

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    const page = Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1)
    const moves: Readonly<Record<string, number>> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -Infinity,
      End: Infinity,
    }
    const delta = moves[event.key]
    if (delta !== undefined && !event.altKey) {
      event.preventDefault()
      // With no row focused yet, a move lands on the first row, or the last for a move up; Home
      // and End ask for the first and the last by a move of 0 and of -1.
      const jump =
        delta > 0 ? (focusIndex === -1 ? -1 : rows.length) : focusIndex === -1 ? 0 : -rows.length
      const step = Number.isFinite(delta) ? delta : jump
      moveFocus(step, event.shiftKey)
      return
    }
    if (event.key === 'Escape' && selectedKeys.size > 0) {
      event.preventDefault()
      clearSelection()
      return
    }
    if (isFindKey(event, typed.typing())) {
      event.preventDefault()
      const found = findRow(rows, typed.type(event.key), focusIndex)
      const row = rows[found]
      if (row) selectEntry(row.key, 'replace')
      return
    }
    const focused = rows[focusIndex]
    if (event.key === ' ' && focused) {
      event.preventDefault()
      selectEntry(focused.key, event.ctrlKey || event.metaKey ? 'toggle' : 'replace')
      return
    }
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault()
      const box = (
        focusIndex === -1 ? event.currentTarget : document.getElementById(rowId(focusIndex))
      )?.getBoundingClientRect()
      if (box) onContextMenu(box.left + 24, box.top + ROW_HEIGHT)
    }
  }

  return (
    <div
      ref={ref}
      className={['object-table', ...hidden.map((id) => `hides-${id}`)].join(' ')}
      style={columnStyle(columns.settings)}
      role="grid"
      aria-label="Objects"
      aria-rowcount={rows.length + 1}
      aria-colcount={1 + optionalColumns.length - hidden.length}
      aria-multiselectable="true"
      // Only a row in the DOM can be pointed at: one scrolled out of the window is not there.
      aria-activedescendant={
        focusIndex >= start && focusIndex < end ? rowId(focusIndex) : undefined
      }
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        if (event.target === event.currentTarget) clearSelection()
      }}
      onContextMenu={(event) => {
        event.preventDefault()
        clearSelection()
        onContextMenu(event.clientX, event.clientY)
      }}
    >
      <ObjectTableHeader columns={columns} />
      {/* A click on the empty area below the rows clears the selection (Escape does by key). */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
      <div
        role="rowgroup"
        className="object-table-body"
        style={{ height: rows.length * ROW_HEIGHT }}
        onClick={(event) => {
          if (event.target === event.currentTarget) clearSelection()
        }}
      >
        {rows.slice(start, end).map((entry, offset) => (
          <ObjectRow
            key={entry.key}
            entry={entry}
            index={start + offset}
            top={(start + offset) * ROW_HEIGHT}
            selected={selectedKeys.has(entry.key)}
            focused={start + offset === focusIndex}
            cut={cutKeys.has(entry.key)}
            dropTarget={dropKey === entry.key}
            onClick={onRowClick}
            onOpen={openEntry}
            onContextMenu={onRowContextMenu}
            onDragOut={onDragOut}
          />
        ))}
      </div>
    </div>
  )
}
