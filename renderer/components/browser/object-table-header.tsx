import type { MouseEvent } from 'react'
import { useCallback, useState } from 'react'
import { useAppStore } from '../../store/app-store'
import type { SortColumn } from '../../store/sort-entries'
import { ContextMenu } from '../context-menu'
import { ResizeHandle } from '../resize-handle'
import type { OptionalColumn, TableColumns } from './table-columns'
import { columnLabels, columnLimits, optionalColumns } from './table-columns'

const cellClass: Readonly<Record<SortColumn, string>> = {
  name: 'object-name',
  size: 'object-size',
  modified: 'object-date',
  type: 'object-type',
}

/**
 * The sticky column titles; clicking one sorts by it, again flips the direction. The optional
 * columns are resized on their left edge; right-click (or the menu key) on a title shows or
 * hides them.
 */
export const ObjectTableHeader = ({ columns }: { readonly columns: TableColumns }) => {
  const sortOrder = useAppStore((state) => state.sortOrder)
  const sortBy = useAppStore((state) => state.sortBy)
  const [menuAt, setMenuAt] = useState<{ readonly x: number; readonly y: number } | null>(null)
  const closeMenu = useCallback(() => setMenuAt(null), [])
  const { settings, setWidth, toggle } = columns
  const shown: readonly SortColumn[] = [
    'name',
    ...optionalColumns.filter((id) => !settings.hidden.includes(id)),
  ]

  const onContextMenu = (event: MouseEvent) => {
    // Not the table's own menu (on the empty area): this one is about the columns.
    event.preventDefault()
    event.stopPropagation()
    setMenuAt({ x: event.clientX, y: event.clientY })
  }

  return (
    // Right-click is one way in; the menu key on a title's button sends the same event.
    <div role="rowgroup" className="object-table-head" onContextMenu={onContextMenu}>
      <div role="row" className="object-row object-head-row" aria-rowindex={1}>
        {shown.map((id) => {
          const active = sortOrder.column === id
          const label = id === 'name' ? 'Name' : columnLabels[id]
          return (
            <div
              key={id}
              role="columnheader"
              // Named by its title alone, not by the splitter inside it.
              aria-label={label}
              className={`object-cell ${cellClass[id]}`}
              aria-sort={active ? (sortOrder.descending ? 'descending' : 'ascending') : 'none'}
            >
              {id !== 'name' && (
                <ResizeHandle
                  label={`Resize the ${label} column`}
                  orientation="vertical"
                  reverse
                  size={settings.widths[id]}
                  limits={columnLimits}
                  onResize={(width) => setWidth(id, width)}
                  className="column-resize"
                />
              )}
              <button type="button" className="sort-button" onClick={() => sortBy(id)}>
                {label}
                <span className="sort-arrow" aria-hidden="true">
                  {active ? (sortOrder.descending ? '↓' : '↑') : ''}
                </span>
              </button>
            </div>
          )
        })}
      </div>
      {menuAt && (
        <ContextMenu
          label="Columns"
          x={menuAt.x}
          y={menuAt.y}
          items={optionalColumns.map((id: OptionalColumn) => ({
            label: `${settings.hidden.includes(id) ? 'Show' : 'Hide'} the ${columnLabels[id]} column`,
            run: () => toggle(id),
          }))}
          onClose={closeMenu}
        />
      )}
    </div>
  )
}
