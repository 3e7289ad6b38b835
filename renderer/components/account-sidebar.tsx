import './sidebar.css'
import { useAppStore } from '../store/app-store'
import { ErrorNotice } from './error-notice'
import { PlusIcon } from './icons'
import { Logo } from './logo'
import { Spinner } from './spinner'
import { SyncPairs } from './sync/sync-pairs'
import { AccountTree } from './tree/account-tree'

export const AccountSidebar = () => {
  const listState = useAppStore((state) => state.accountList)
  const adding = useAppStore((state) => state.editor.mode === 'add')
  const openEditor = useAppStore((state) => state.openEditor)
  const loadAccounts = useAppStore((state) => state.loadAccounts)

  return (
    <aside className="sidebar">
      <header className="sidebar-header">
        <Logo size={24} />
        <span className="sidebar-title">DSS Explorer</span>
      </header>
      <nav className="sidebar-nav" aria-label="Accounts">
        <h2 className="sidebar-heading" id="accounts-heading">
          Accounts
        </h2>
        {listState.state === 'loading' && (
          <p className="sidebar-note" role="status">
            <Spinner /> Loading accounts…
          </p>
        )}
        {listState.state === 'failed' && (
          <ErrorNotice error={listState.error} onRetry={() => void loadAccounts()} />
        )}
        <AccountTree />
      </nav>
      <SyncPairs />
      <footer className="sidebar-footer">
        <button
          type="button"
          className={adding ? 'button button-block is-active' : 'button button-block'}
          onClick={() => openEditor({ mode: 'add', kind: 'dss-standard' })}
        >
          <PlusIcon />
          Add account
        </button>
      </footer>
    </aside>
  )
}
