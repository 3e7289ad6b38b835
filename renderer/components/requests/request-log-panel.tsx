import './requests.css'
import { useAppStore } from '../../store/app-store'
import { REQUEST_LOG_LIMIT } from '../../store/requests-slice'
import { selectSelectedAccount } from '../../store/selectors'
import { ErrorNotice } from '../error-notice'
import { countOf } from '../format'
import { CloseIcon } from '../icons'
import { Spinner } from '../spinner'
import { RequestLogTable } from './request-log-table'
import { PanelRegion } from '../panel-region'

export const REQUEST_LOG_ID = 'request-log'

/** The open account's latest HTTP requests, docked under the main area; refreshed each second. */
export const RequestLogPanel = () => {
  const view = useAppStore((state) => state.requestLog)
  const account = useAppStore(selectSelectedAccount)
  const throttles = useAppStore((state) =>
    account ? (state.requestStats.get(account.id)?.throttles ?? 0) : 0,
  )
  const close = useAppStore((state) => state.closeRequestLog)
  if (view.state !== 'open') return null
  // Until the first answer about this account, the entries are another account's (or none).
  const loaded = account !== null && view.accountId === account.id
  const entries = loaded ? view.entries : []

  return (
    <PanelRegion id={REQUEST_LOG_ID} label="Request log" className="request-log" onClose={close}>
      <header className="request-log-header">
        <h2 className="request-log-title">Request log</h2>
        {account && <span className="request-log-account">{account.name}</span>}
        <span className="request-log-summary" data-testid="request-log-summary">
          {loaded &&
            (entries.length >= REQUEST_LOG_LIMIT
              ? `Latest ${REQUEST_LOG_LIMIT.toLocaleString()} requests`
              : countOf(entries.length, 'request'))}
          {throttles > 0 && ` · slowed down by the server ${countOf(throttles, 'time')}`}
        </span>
        <button
          type="button"
          className="button button-quiet button-icon"
          aria-label="Close request log"
          onClick={close}
        >
          <CloseIcon />
        </button>
      </header>
      {view.error && <ErrorNotice title="Could not read the request log" error={view.error} />}
      {/* Focusable, so that the list can be scrolled with the keyboard. */}
      <div className="request-log-body" role="region" aria-label="Requests sent" tabIndex={0}>
        {account === null && <p className="request-log-empty">No account is open.</p>}
        {account !== null && !loaded && !view.error && (
          <p className="request-log-empty" role="status">
            <Spinner /> Loading requests…
          </p>
        )}
        {loaded && entries.length === 0 && (
          <p className="request-log-empty">
            No requests yet. Every request {account.name} sends to its endpoint shows here.
          </p>
        )}
        {entries.length > 0 && <RequestLogTable entries={entries} />}
      </div>
    </PanelRegion>
  )
}
