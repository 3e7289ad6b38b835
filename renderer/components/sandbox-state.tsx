import type { SandboxStatus } from '../../shared/accounts'
import { useAppStore } from '../store/app-store'
import { ErrorNotice } from './error-notice'
import { SandboxIcon } from './icons'
import { Spinner } from './spinner'

/** What the sandbox shows until its local server is ready. */
export const SandboxState = ({ status }: { readonly status: SandboxStatus }) => {
  const startSandbox = useAppStore((state) => state.startSandbox)

  if (status.state === 'failed') {
    return (
      <div className="page-body">
        <ErrorNotice
          title="The local sandbox could not start"
          error={{ code: 'SANDBOX_UNAVAILABLE', message: status.message }}
          onRetry={() => void startSandbox()}
        />
      </div>
    )
  }
  if (status.state === 'starting') {
    return (
      <div className="placeholder" role="status">
        <Spinner />
        <p className="placeholder-title">Starting the local sandbox…</p>
        <p>A private S3 server on this computer, for trying DSS Explorer without an account.</p>
      </div>
    )
  }
  return (
    <div className="placeholder">
      <SandboxIcon />
      <p className="placeholder-title">The local sandbox is stopped</p>
      <button type="button" className="button button-primary" onClick={() => void startSandbox()}>
        Start sandbox
      </button>
    </div>
  )
}
