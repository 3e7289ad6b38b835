import type { BucketSummary } from '../../shared/accounts'
import { useAppStore } from '../store/app-store'
import { formatDate } from './format'
import { BucketIcon } from './icons'

type Props = { readonly accountId: string; readonly buckets: readonly BucketSummary[] }

/** The buckets of one account, by name, with their creation dates; a name opens the bucket. */
export const BucketTable = ({ accountId, buckets }: Props) => {
  const openLocation = useAppStore((state) => state.openLocation)
  return (
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
                <button
                  type="button"
                  className="table-name table-link"
                  onClick={() => openLocation({ accountId, bucket: bucket.name, prefix: '' })}
                >
                  <BucketIcon />
                  {bucket.name}
                </button>
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
}
