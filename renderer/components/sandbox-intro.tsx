import { useAppStore } from '../store/app-store'
import { CloudIcon, SandboxIcon } from './icons'

/** Says what the sandbox is, and offers the way to a real account while none is saved. */
export const SandboxIntro = () => {
  const openEditor = useAppStore((state) => state.openEditor)
  const hasSavedAccount = useAppStore(
    (state) => state.accountList.state === 'loaded' && state.accountList.accounts.length > 1,
  )
  return (
    <aside className="sandbox-intro" aria-label="About the local sandbox">
      <span className="sandbox-intro-icon">
        <SandboxIcon />
      </span>
      <p className="sandbox-intro-text">
        <strong>This is your local sandbox.</strong> An S3 server on this computer, with a demo
        bucket to explore — nothing here leaves your machine.
      </p>
      {!hasSavedAccount && (
        <div className="sandbox-intro-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => openEditor({ mode: 'add', kind: 'dss-standard' })}
          >
            <CloudIcon />
            Connect to Oort DSS
          </button>
          <button
            type="button"
            className="button"
            onClick={() => openEditor({ mode: 'add', kind: 'custom' })}
          >
            Other S3 endpoint
          </button>
        </div>
      )}
    </aside>
  )
}
