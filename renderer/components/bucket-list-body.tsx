import { useAppStore } from '../store/app-store'
import { selectBucketList } from '../store/selectors'
import { BucketTable } from './bucket-table'
import { ErrorNotice } from './error-notice'
import { BucketIcon } from './icons'
import { Spinner } from './spinner'

/** The bucket list of one account in whichever state it is: loading, failed, empty or listed. */
export const BucketListBody = ({ accountId }: { readonly accountId: string }) => {
  const bucketList = useAppStore(selectBucketList(accountId))
  const loadBuckets = useAppStore((state) => state.loadBuckets)

  if (bucketList === null || bucketList.state === 'loading') {
    return (
      <p className="placeholder" role="status">
        <Spinner /> Loading buckets…
      </p>
    )
  }
  if (bucketList.state === 'failed') {
    return (
      <div className="page-body">
        <ErrorNotice
          title="Could not list the buckets"
          error={bucketList.error}
          onRetry={() => void loadBuckets(accountId)}
        />
      </div>
    )
  }
  if (bucketList.buckets.length === 0) {
    return (
      <div className="placeholder">
        <BucketIcon />
        <p className="placeholder-title">No buckets yet</p>
        <p>This account has no buckets. Buckets you create will be listed here.</p>
      </div>
    )
  }
  return <BucketTable accountId={accountId} buckets={bucketList.buckets} />
}
