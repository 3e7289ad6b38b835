import { useAppStore } from '../store/app-store'
import { ErrorNotice } from './error-notice'
import { countOf } from './format'
import { CheckIcon } from './icons'
import { Spinner } from './spinner'

/** Beside the connect form: what the last connection test or save found. */
export const ConnectionResult = () => {
  const test = useAppStore((state) => state.connectionTest)
  const save = useAppStore((state) => state.saveStatus)
  const cancelConnectionTest = useAppStore((state) => state.cancelConnectionTest)
  const state = save.state !== 'idle' ? save.state : test.state

  return (
    <section
      className="connection-result"
      aria-label="Connection check"
      data-testid="connection-result"
      data-state={state}
    >
      {save.state === 'saving' && (
        <p className="notice" role="status">
          <Spinner /> Saving and connecting…
        </p>
      )}
      {save.state === 'failed' && (
        <ErrorNotice title="Could not save the account" error={save.error} />
      )}
      {save.state === 'idle' && test.state === 'idle' && (
        <p className="connection-hint">
          Test the connection to check the endpoint and keys before saving: DSS Explorer lists your
          buckets and measures the round trip.
        </p>
      )}
      {save.state === 'idle' && test.state === 'testing' && (
        <p className="notice" role="status">
          <Spinner /> Testing connection…{' '}
          <button type="button" className="button button-quiet" onClick={cancelConnectionTest}>
            Stop
          </button>
        </p>
      )}
      {save.state === 'idle' && test.state === 'ok' && (
        <p className="notice notice-ok" role="status">
          <CheckIcon />
          <span>
            Connected — {countOf(test.report.bucketCount, 'bucket')}, latency{' '}
            {Math.round(test.report.latencyMs)} ms
          </span>
        </p>
      )}
      {save.state === 'idle' && test.state === 'failed' && (
        <ErrorNotice title="Connection failed" error={test.error} />
      )}
    </section>
  )
}
