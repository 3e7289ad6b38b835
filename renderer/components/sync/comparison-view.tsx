import { useState } from 'react'
import { comparisonGroups, type Comparison, type ComparisonGroup } from '../../../shared/sync'
import { countOf, formatBytes, formatDate } from '../format'
import { GROUP_LABELS, changeLabel } from './sync-labels'

/** Rows shown at once; the rest are counted (a filter narrows them). */
const MAX_ROWS = 500

const sizeOf = (side: { readonly size: number } | null): string =>
  side ? formatBytes(side.size) : '—'

/**
 * The comparison: each group with its count and bytes (a button that filters the rows), and
 * every row with the reason it landed in its group.
 */
export const ComparisonView = ({ comparison }: { readonly comparison: Comparison }) => {
  const [filter, setFilter] = useState<ComparisonGroup | null>(null)
  const rows = filter ? comparison.rows.filter((row) => row.group === filter) : comparison.rows
  const shown = rows.slice(0, MAX_ROWS)

  return (
    <section className="sync-comparison" aria-labelledby="sync-comparison-title">
      <h2 className="sync-section-title" id="sync-comparison-title">
        Comparison
      </h2>
      <p className="sync-note">
        {countOf(comparison.local.files, 'local file')},{' '}
        {countOf(comparison.remote.files, 'object')};{' '}
        {countOf(comparison.requests, 'listing request')}
        {comparison.hashed.files > 0 &&
          `; ${comparison.hashed.files.toLocaleString()} files checked by content`}
        .
      </p>
      <div className="sync-groups" role="group" aria-label="Show only">
        {comparisonGroups.map((group) => {
          const { count, bytes } = comparison.groups[group]
          if (group === 'skipped' && count === 0) return null
          return (
            <button
              key={group}
              type="button"
              className={filter === group ? 'sync-group is-active' : 'sync-group'}
              data-group={group}
              aria-pressed={filter === group}
              onClick={() => setFilter(filter === group ? null : group)}
            >
              <span className="sync-group-label">{GROUP_LABELS[group]}</span>
              <span className="sync-group-count">{count.toLocaleString()}</span>
              <span className="sync-group-bytes">{formatBytes(bytes)}</span>
            </button>
          )
        })}
      </div>
      <div className="sync-table-wrap">
        <table className="sync-table" aria-label="Compared files" aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col">Group</th>
              <th scope="col">Here</th>
              <th scope="col">In the bucket</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.path} data-group={row.group}>
                <th scope="row" className="sync-path">
                  {row.path}
                </th>
                <td>
                  {GROUP_LABELS[row.group]}
                  {row.change && <span className="sync-change"> ({changeLabel(row.change)})</span>}
                </td>
                <td>
                  {sizeOf(row.local)}
                  {row.local && (
                    <span className="sync-when">
                      {formatDate(new Date(row.local.mtimeMs).toISOString())}
                    </span>
                  )}
                </td>
                <td>
                  {sizeOf(row.remote)}
                  {row.remote?.lastModified && (
                    <span className="sync-when">{formatDate(row.remote.lastModified)}</span>
                  )}
                </td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="sync-note">Nothing in this group.</p>}
        {rows.length > shown.length && (
          <p className="sync-note">
            Showing {shown.length.toLocaleString()} of {rows.length.toLocaleString()}: pick a group
            to see fewer.
          </p>
        )}
      </div>
    </section>
  )
}
