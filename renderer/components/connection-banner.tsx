import './connection-banner.css'
import { notConnectedError } from '../api/connection-status'
import { useAppStore } from '../store/app-store'
import { AlertIcon } from './icons'
import { Spinner } from './spinner'

/**
 * The web shell's link to the core, shown only when it is down: reconnecting, or lost for good
 * with what to do about it. Electron's IPC never drops, so there it never shows.
 */
export const ConnectionBanner = () => {
  const connection = useAppStore((state) => state.connection)
  return (
    <div
      className="connection-banner-host"
      role="status"
      aria-live="polite"
      data-testid="connection-banner"
    >
      {connection.state === 'reconnecting' && (
        <p className="connection-banner">
          <Spinner />
          Disconnected — reconnecting…
        </p>
      )}
      {connection.state === 'lost' && (
        <p className="connection-banner is-lost">
          <AlertIcon />
          {notConnectedError(connection).message}
          {connection.reason === 'gone' && (
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Reload
            </button>
          )}
        </p>
      )}
    </div>
  )
}
