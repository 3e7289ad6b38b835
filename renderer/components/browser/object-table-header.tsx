import { useAppStore } from '../../store/app-store'
import type { SortColumn } from '../../store/sort-entries'

const columns: readonly { readonly id: SortColumn; readonly label: string }[] = [
  { id: 'name', label: 'Name' },
  { id: 'size', label: 'Size' },
  { id: 'modified', label: 'Modified' },
  { id: 'type', label: 'Type' },
]

/** The sticky column titles; clicking one sorts by it, again flips the direction. */
export const ObjectTableHeader = () => {
  const sortOrder = useAppStore((state) => state.sortOrder)
  const sortBy = useAppStore((state) => state.sortBy)
  return (
    <div role="rowgroup" className="object-table-head">
      <div role="row" className="object-row object-head-row" aria-rowindex={1}>
        {columns.map(({ id, label }) => {
          const active = sortOrder.column === id
          return (
            <div
              key={id}
              role="columnheader"
              className={`object-cell object-${id === 'modified' ? 'date' : id}`}
              aria-sort={active ? (sortOrder.descending ? 'descending' : 'ascending') : 'none'}
            >
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
    </div>
  )
}
