import './welcome.css'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import { useAppStore } from '../store/app-store'
import { CloudIcon, SandboxIcon } from './icons'
import { Logo } from './logo'

/** The first screen, before any account is saved: try the sandbox, or connect to Oort DSS. */
export const WelcomeScreen = () => {
  const selectAccount = useAppStore((state) => state.selectAccount)
  const openEditor = useAppStore((state) => state.openEditor)

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <Logo size={64} />
      <h1 className="welcome-title" id="welcome-title">
        Welcome to DSS Explorer
      </h1>
      <p className="welcome-text">
        Browse, upload and share files in Oort DSS and other S3-compatible storage.
      </p>
      <div className="welcome-choices">
        {/* aria-label keeps each button's name exactly its title; the text below describes it. */}
        <button
          type="button"
          className="choice choice-primary"
          aria-label="Open local sandbox"
          aria-describedby="choice-sandbox-text"
          onClick={() => selectAccount(SANDBOX_ACCOUNT_ID)}
        >
          <span className="choice-icon">
            <SandboxIcon />
          </span>
          <span className="choice-title">Open local sandbox</span>
          <span className="choice-text" id="choice-sandbox-text">
            Try everything on a private S3 server on this computer. No account needed.
          </span>
        </button>
        <button
          type="button"
          className="choice"
          aria-label="Connect to Oort DSS"
          aria-describedby="choice-dss-text"
          onClick={() => openEditor({ mode: 'add', kind: 'dss-standard' })}
        >
          <span className="choice-icon">
            <CloudIcon />
          </span>
          <span className="choice-title">Connect to Oort DSS</span>
          <span className="choice-text" id="choice-dss-text">
            Sign in to Oort DSS Standard or Archive with your access key.
          </span>
        </button>
      </div>
      <button
        type="button"
        className="link-button"
        onClick={() => openEditor({ mode: 'add', kind: 'custom' })}
      >
        Or connect to another S3-compatible endpoint
      </button>
    </section>
  )
}
