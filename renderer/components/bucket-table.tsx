import './bucket-table.css'
import type { KeyboardEvent, MouseEvent } from 'react'
import { useMemo, useState } from 'react'
import type { BucketSummary } from '../../shared/accounts'
import { useAppStore } from '../store/app-store'
import { BucketContextMenu } from './bucket-context-menu'
import {
  moveBucketFocus,
  nextOrder,
  noBucketSelection,
  selectBucket,
  sortBuckets,
  type BucketColumn,
  type BucketOrder,
} from './bucket-order'
import { formatDate } from './format'
import { BucketIcon } from './icons'
import { isMac } from './shortcuts'

type Props = { readonly accountId: string; readonly buckets: readonly BucketSummary[] }

const columns: readonly { readonly id: BucketColumn; readonly label: string }[] = [
  { id: 'name', label: 'Name' },
  { id: 'created', label: 'Created' },
]

const rowId = (index: number): string => `bucket-row-${index}`

/**
 * The buckets of one account as a grid that works like the object table: click, Ctrl/Cmd-click
 * and Shift-click select, arrows move, Enter or a double-click opens, Delete asks to delete, the
 * titles sort, and a right-click (or the menu key) offers open, copy name and delete.
 */
export const BucketTable = ({ accountId, buckets }: Props) => {
  const openLocation = useAppStore((state) => state.openLocation)
  const openDialog = useAppStore((state) => state.openDialog)
  const copyText = useAppStore((state) => state.copyText)
  const showAppNotice = useAppStore((state) => state.showAppNotice)
  const [order, setOrder] = useState<BucketOrder>({ column: 'name', descending: false })
  const [selection, setSelection] = useState(noBucketSelection)
  const [menu, setMenu] = useState<{ readonly x: number; readonly y: number } | null>(null)
  const rows = useMemo(() => sortBuckets(buckets, order), [buckets, order])
  const names = useMemo(() => rows.map((bucket) => bucket.name), [rows])
  // Buckets gone after a refresh (deleted) leave the selection.
  const selected = names.filter((name) => selection.selected.has(name))
  const focusIndex = selection.focus === null ? -1 : names.indexOf(selection.focus)

  const open = (name: string) => openLocation({ accountId, bucket: name, prefix: '' })
  const askDelete = (name: string) => openDialog({ kind: 'delete-bucket', accountId, bucket: name })
  const copyNames = async (list: readonly string[]) => {
    const failed = await copyText(list.join('\n'))
    showAppNotice(
      failed
        ? { level: 'error', message: `Could not copy: ${failed.message}` }
        : {
            level: 'info',
            message: list.length === 1 ? `Copied “${list[0]}”` : `Copied ${list.length} names`,
          },
    )
  }

  const onRowClick = (name: string, event: MouseEvent) => {
    const toggle = isMac ? event.metaKey : event.ctrlKey
    setSelection(
      selectBucket(
        selection,
        names,
        name,
        event.shiftKey ? 'range' : toggle ? 'toggle' : 'replace',
      ),
    )
  }

  const onRowContextMenu = (name: string, event: MouseEvent) => {
    event.preventDefault()
    event.stopPropagation()
    if (!selection.selected.has(name)) setSelection(selectBucket(selection, names, name, 'replace'))
    setMenu({ x: event.clientX, y: event.clientY })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget) return
    const moves: Readonly<Record<string, number>> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: 10,
      PageUp: -10,
      Home: -Infinity,
      End: Infinity,
    }
    const delta = moves[event.key]
    const focused = names[focusIndex]
    const mod = isMac ? event.metaKey : event.ctrlKey
    if (delta !== undefined && !event.altKey) {
      event.preventDefault()
      setSelection(moveBucketFocus(selection, names, delta, event.shiftKey))
    } else if (event.key === 'Enter' && focused !== undefined) {
      event.preventDefault()
      open(focused)
    } else if (event.key === ' ' && focused !== undefined) {
      event.preventDefault()
      setSelection(selectBucket(selection, names, focused, mod ? 'toggle' : 'replace'))
    } else if (event.key === 'Delete' && selected.length === 1 && selected[0] !== undefined) {
      event.preventDefault()
      askDelete(selected[0])
    } else if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault()
      setSelection({ ...selection, selected: new Set(names) })
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault()
      const box = (
        focusIndex === -1 ? event.currentTarget : document.getElementById(rowId(focusIndex))
      )?.getBoundingClientRect()
      if (box) setMenu({ x: box.left + 24, y: box.top + 28 })
    } else if (event.key === 'Escape' && selected.length > 0) {
      setSelection(noBucketSelection)
    }
  }

  return (
    <div className="table-scroll">
      <table
        className="table bucket-grid"
        role="grid"
        aria-label="Buckets"
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        aria-activedescendant={focusIndex === -1 ? undefined : rowId(focusIndex)}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr aria-rowindex={1}>
            {columns.map(({ id, label }) => {
              const active = order.column === id
              return (
                <th
                  key={id}
                  scope="col"
                  className={id === 'created' ? 'table-date' : undefined}
                  aria-sort={active ? (order.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setOrder(nextOrder(order, id))}
                  >
                    {label}
                    <span className="sort-arrow" aria-hidden="true">
                      {active ? (order.descending ? '↓' : '↑') : ''}
                    </span>
                  </button>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((bucket, index) => (
            <tr
              key={bucket.name}
              id={rowId(index)}
              className={index === focusIndex ? 'is-focused' : undefined}
              aria-rowindex={index + 2}
              aria-selected={selection.selected.has(bucket.name)}
              aria-label={bucket.name}
              data-bucket={bucket.name}
              onClick={(event) => onRowClick(bucket.name, event)}
              onDoubleClick={() => open(bucket.name)}
              onContextMenu={(event) => onRowContextMenu(bucket.name, event)}
            >
              <td>
                <span className="table-name">
                  <BucketIcon />
                  {bucket.name}
                </span>
              </td>
              <td className="table-date">
                {bucket.createdAt ? (
                  <time dateTime={bucket.createdAt}>{formatDate(bucket.createdAt)}</time>
                ) : (
                  formatDate(null)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {menu && (
        <BucketContextMenu
          x={menu.x}
          y={menu.y}
          names={selected}
          onOpen={() => selected[0] !== undefined && open(selected[0])}
          onCopyNames={() => void copyNames(selected)}
          onDelete={() => selected[0] !== undefined && askDelete(selected[0])}
          onClose={() => setMenu(null)}
        />
      )}
    </div>
  )
}
