import { bucketNameProblem } from '../../../shared/bucket-names'
import { useAppStore } from '../../store/app-store'
import { selectAccountById, selectBucketList } from '../../store/selectors'
import { NameDialog } from './name-dialog'

const RULES = '3–63 characters: lowercase letters, digits, “-” and “.”.'

/** Creates a bucket, checking the S3 naming rules as the name is typed, then opens it. */
export const NewBucketDialog = ({ accountId }: { readonly accountId: string }) => {
  const createBucket = useAppStore((state) => state.createBucket)
  const account = useAppStore(selectAccountById(accountId))
  const bucketList = useAppStore(selectBucketList(accountId))
  const taken = (name: string): boolean =>
    bucketList?.state === 'loaded' && bucketList.buckets.some((bucket) => bucket.name === name)

  return (
    <NameDialog
      title="New bucket"
      subtitle={account ? `In ${account.name}` : undefined}
      label="Bucket name"
      submitLabel="Create bucket"
      hint={`${RULES} Bucket names are shared by everyone on the service.`}
      problemOf={(name) =>
        bucketNameProblem(name) ?? (taken(name) ? 'You already have this bucket.' : null)
      }
      create={(name) => createBucket(accountId, name)}
      errorTitle="Could not create the bucket"
    />
  )
}
