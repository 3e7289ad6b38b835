import type { BucketSummary } from '../../shared/accounts'
import { formatDate } from './format'
import { BucketIcon } from './icons'

/** The buckets of one account, by name, with their creation dates. */
export const BucketTable = ({ buckets }: { readonly buckets: readonly BucketSummary[] }) => (
  <div className="table-scroll">
    <table className="table" aria-label="Buckets">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className="table-date">
            Created
          </th>
        </tr>
      </thead>
      <tbody>
        {buckets.map((bucket) => (
          <tr key={bucket.name}>
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
  </div>
)
