import './connect.css'
import './page.css'
import { useAppStore } from '../store/app-store'
import { selectAccountById } from '../store/selectors'
import { accountFormFrom, newAccountForm } from './account-form'
import { ConnectForm } from './connect-form'
import { ConnectionResult } from './connection-result'
import { PencilIcon, PlusIcon } from './icons'

/** Adding or editing an account: the form, and beside it what testing the connection found. */
export const ConnectScreen = () => {
  const editor = useAppStore((state) => state.editor)
  const editing = useAppStore(selectAccountById(editor.mode === 'edit' ? editor.accountId : null))
  if (editor.mode === 'closed' || (editor.mode === 'edit' && editing === null)) return null

  return (
    <section className="page connect-screen" aria-labelledby="connect-title">
      <header className="page-header">
        <span className="page-icon">{editing ? <PencilIcon /> : <PlusIcon />}</span>
        <div className="page-heading">
          <h1 className="page-title" id="connect-title">
            {editing ? `Edit ${editing.name}` : 'Add an account'}
          </h1>
          <p className="page-subtitle">
            {editing
              ? 'Change the connection settings. Leave the secret key empty to keep the saved one.'
              : 'Connect to Oort DSS or any S3-compatible storage. Keys stay on this computer.'}
          </p>
        </div>
      </header>
      <div className="page-content connect-layout">
        {editing ? (
          <ConnectForm
            key={editing.id}
            initial={accountFormFrom(editing)}
            accountId={editing.id}
            hasStoredSecret={editing.hasSecret}
          />
        ) : (
          <ConnectForm
            key={editor.mode === 'add' ? editor.kind : 'add'}
            initial={newAccountForm(editor.mode === 'add' ? editor.kind : 'custom')}
            hasStoredSecret={false}
          />
        )}
        <ConnectionResult />
      </div>
    </section>
  )
}
