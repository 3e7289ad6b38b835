import { memo } from 'react'
import type { RequestLogEntry } from '../../../shared/requests'
import { formatLatency, formatLogTime, statusText, statusTone } from './request-format'

/** What a request touched: `bucket/key`, the bucket alone, or nothing (ListBuckets). */
const target = ({ bucket, key }: RequestLogEntry): string =>
  bucket === '' ? '' : key === '' ? bucket : `${bucket}/${key}`

const Row = ({ entry }: { readonly entry: RequestLogEntry }) => {
  const tone = statusTone(entry.status)
  const path = target(entry)
  return (
    <tr className={`request-row is-${tone}`} data-status={entry.status}>
      <td className="request-time">{formatLogTime(entry.time)}</td>
      <td className="request-method">{entry.method}</td>
      <td className="request-key" title={path}>
        {entry.bucket !== '' && <span className="request-bucket">{entry.bucket}</span>}
        {entry.key !== '' && `/${entry.key}`}
        {path === '' && <span className="request-bucket">—</span>}
      </td>
      <td className="request-status">
        <span className={`request-status-text is-${tone}`}>{statusText(entry.status)}</span>
      </td>
      <td className="request-duration">{formatLatency(entry.durationMs)}</td>
    </tr>
  )
}

/** Newest first, so the latest requests are in view without scrolling. */
export const RequestLogTable = memo(function RequestLogTable({
  entries,
}: {
  readonly entries: readonly RequestLogEntry[]
}) {
  // Entries carry no id; what and when they were is unique but for rare twins, which get a count.
  const seen = new Map<string, number>()
  const rows = [...entries].reverse().map((entry) => {
    const base = `${entry.time}:${entry.method}:${entry.bucket}/${entry.key}`
    const twin = seen.get(base) ?? 0
    seen.set(base, twin + 1)
    return <Row key={`${base}#${twin}`} entry={entry} />
  })
  return (
    <table className="request-table" aria-label="Requests">
      <thead>
        <tr>
          <th scope="col" className="request-time">
            Time
          </th>
          <th scope="col" className="request-method">
            Method
          </th>
          <th scope="col" className="request-key">
            Key
          </th>
          <th scope="col" className="request-status">
            Status
          </th>
          <th scope="col" className="request-duration">
            Duration
          </th>
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  )
})
