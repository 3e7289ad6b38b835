import './page.css'
import type { AccountSummary } from '../../shared/accounts'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import { useAppStore } from '../store/app-store'
import { selectBucketList } from '../store/selectors'
import { BucketListBody } from './bucket-list-body'
import { countOf, endpointHost } from './format'
import { PencilIcon, PlusIcon, RefreshIcon } from './icons'
import { KindIcon } from './kind-icon'
import { RemoveAccountButton } from './remove-account-button'
import { SandboxIntro } from './sandbox-intro'
import { SandboxState } from './sandbox-state'
import { Spinner } from './spinner'

/** An open account: its buckets, with new bucket, refresh, edit and remove. */
export const BucketView = ({ account }: { readonly account: AccountSummary }) => {
  const bucketList = useAppStore(selectBucketList(account.id))
  const sandbox = useAppStore((state) => state.sandboxStatus)
  const loadBuckets = useAppStore((state) => state.loadBuckets)
  const openEditor = useAppStore((state) => state.openEditor)
  const openDialog = useAppStore((state) => state.openDialog)
  const isSandbox = account.id === SANDBOX_ACCOUNT_ID
  const waitingForSandbox = isSandbox && sandbox.state !== 'ready'
  const endpoint = isSandbox && sandbox.state === 'ready' ? sandbox.endpoint : account.endpoint
  const busy =
    bucketList?.state === 'loading' || (bucketList?.state === 'loaded' && bucketList.refreshing)

  return (
    <section className="page" aria-labelledby="bucket-view-title">
      <header className="page-header">
        <span className="page-icon">
          <KindIcon kind={account.kind} />
        </span>
        <div className="page-heading">
          <h1 className="page-title" id="bucket-view-title">
            {account.name}
          </h1>
          <p className="page-subtitle">
            {endpoint ? endpointHost(endpoint) : 'Local S3 server'}
            {bucketList?.state === 'loaded' && (
              <>
                <span className="dot" aria-hidden="true">
                  ·
                </span>
                <span data-testid="bucket-count">
                  {countOf(bucketList.buckets.length, 'bucket')}
                </span>
              </>
            )}
          </p>
        </div>
        <div className="toolbar">
          <button
            type="button"
            className="button button-primary"
            disabled={waitingForSandbox}
            onClick={() => openDialog({ kind: 'new-bucket', accountId: account.id })}
          >
            <PlusIcon />
            New bucket
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || waitingForSandbox}
            onClick={() => void loadBuckets(account.id)}
          >
            {busy ? <Spinner /> : <RefreshIcon />}
            Refresh
          </button>
          {!isSandbox && (
            <>
              <button
                type="button"
                className="button"
                onClick={() => openEditor({ mode: 'edit', accountId: account.id })}
              >
                <PencilIcon />
                Edit
              </button>
              <RemoveAccountButton account={account} />
            </>
          )}
        </div>
      </header>
      <div className="page-content">
        {isSandbox && <SandboxIntro />}
        {waitingForSandbox ? (
          <SandboxState status={sandbox} />
        ) : (
          <BucketListBody accountId={account.id} />
        )}
      </div>
    </section>
  )
}
