import './status-bar.css'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import { useAppStore } from '../store/app-store'
import { selectBucketList, selectSelectedAccount } from '../store/selectors'
import { countOf, endpointHost } from './format'
import { UnlockedIcon } from './icons'
import { JobsToggle } from './jobs-toggle'
import { RequestMeter } from './requests/request-meter'
import { SharesToggle } from './share/shares-toggle'
import { StatusBarBrowser } from './status-bar-browser'
import { TransfersToggle } from './transfers/transfers-toggle'

/**
 * The bottom line: which account is open and where it points; the open folder's counts and
 * selection, or the account's bucket count; its request meter; and the links, jobs and transfers
 * toggles.
 */
export const StatusBar = () => {
  const account = useAppStore(selectSelectedAccount)
  const bucketList = useAppStore(selectBucketList(account?.id ?? null))
  const sandbox = useAppStore((state) => state.sandboxStatus)
  const browsing = useAppStore((state) => state.location !== null)

  if (!account) {
    return (
      <footer className="status-bar">
        <span className="status-item">No account open</span>
        <span className="status-end">
          <JobsToggle />
          <TransfersToggle />
        </span>
      </footer>
    )
  }
  const endpoint =
    account.id === SANDBOX_ACCOUNT_ID && sandbox.state === 'ready'
      ? sandbox.endpoint
      : account.endpoint

  return (
    <footer className="status-bar">
      <span className="status-item status-account">{account.name}</span>
      {endpoint && <span className="status-item">{endpointHost(endpoint)}</span>}
      {account.insecure && (
        <span
          className="badge badge-warning"
          title="Plain http: requests to this endpoint are not encrypted."
        >
          <UnlockedIcon />
          insecure
        </span>
      )}
      {browsing ? (
        <StatusBarBrowser />
      ) : (
        bucketList?.state === 'loaded' && (
          <span className="status-item">{countOf(bucketList.buckets.length, 'bucket')}</span>
        )
      )}
      <span className="status-end">
        <RequestMeter />
        <SharesToggle />
        <JobsToggle />
        <TransfersToggle />
      </span>
    </footer>
  )
}
