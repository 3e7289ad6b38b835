import type { AccountSummary } from '../../shared/accounts'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import { useAppStore } from '../store/app-store'
import { selectBucketList } from '../store/selectors'
import { AlertIcon, BucketIcon } from './icons'
import { KindIcon } from './kind-icon'
import { Spinner } from './spinner'

/** One account in the sidebar; once its buckets are listed they appear beneath it. */
export const AccountGroup = ({ account }: { readonly account: AccountSummary }) => {
  const current = useAppStore((state) =>
    state.editor.mode === 'closed'
      ? state.selectedAccountId === account.id
      : state.editor.mode === 'edit' && state.editor.accountId === account.id,
  )
  const bucketList = useAppStore(selectBucketList(account.id))
  const sandboxStarting = useAppStore(
    (state) => account.id === SANDBOX_ACCOUNT_ID && state.sandboxStatus.state === 'starting',
  )
  const selectAccount = useAppStore((state) => state.selectAccount)
  const busy = sandboxStarting || bucketList?.state === 'loading'

  return (
    <li className="account-group">
      <button
        type="button"
        className="account-row"
        aria-current={current ? 'page' : undefined}
        onClick={() => selectAccount(account.id)}
      >
        <KindIcon kind={account.kind} />
        <span className="account-row-name">{account.name}</span>
        {busy && <Spinner />}
        {bucketList?.state === 'failed' && (
          <span className="account-row-alert" title={bucketList.error.message}>
            <AlertIcon />
          </span>
        )}
      </button>
      {bucketList?.state === 'loaded' && bucketList.buckets.length > 0 && (
        <ul className="bucket-tree" aria-label={`Buckets in ${account.name}`}>
          {bucketList.buckets.map((bucket) => (
            <li key={bucket.name} className="bucket-tree-item" title={bucket.name}>
              <BucketIcon />
              <span className="bucket-tree-name">{bucket.name}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}
