import type { FormEvent } from 'react'
import { useId, useState } from 'react'
import type { ImportableAccount } from '../../shared/accounts'
import { useAppStore } from '../store/app-store'
import type { AccountForm } from './account-form'
import { endpointOf, presetFor, toDraft, withImported, withKind } from './account-form'
import { ImportPicker } from './import-picker'
import { KindPicker } from './kind-picker'
import { SecretField } from './secret-field'
import { Spinner } from './spinner'
import { TextField } from './text-field'

type Props = {
  readonly initial: AccountForm
  /** Set when editing a saved account: an empty secret then keeps the stored one. */
  readonly accountId?: string
  readonly hasStoredSecret: boolean
}

const noImports: readonly ImportableAccount[] = []

export const ConnectForm = ({ initial, accountId, hasStoredSecret }: Props) => {
  const [form, setForm] = useState(initial)
  const testing = useAppStore((state) => state.connectionTest.state === 'testing')
  const saving = useAppStore((state) => state.saveStatus.state === 'saving')
  const testConnection = useAppStore((state) => state.testConnection)
  const saveAccount = useAppStore((state) => state.saveAccount)
  const clearConnectionTest = useAppStore((state) => state.clearConnectionTest)
  const closeEditor = useAppStore((state) => state.closeEditor)
  // Offered only for a new account: importing over a saved one would rename and re-key it.
  const importable = useAppStore((state) => (accountId ? noImports : state.importable))
  const secretStorage = useAppStore((state) => state.appInfo?.secretStorage)
  const [imported, setImported] = useState<ImportableAccount | null>(null)
  const pathStyleId = useId()
  const preset = presetFor(form.kind)

  // A result for other settings than those on screen would mislead.
  const update = (change: Partial<AccountForm>): void => {
    setForm((current) => ({ ...current, ...change }))
    clearConnectionTest()
  }

  const request = () => ({ ...(accountId ? { id: accountId } : {}), draft: toDraft(form) })

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void saveAccount(request())
  }

  return (
    <form className="connect-form" onSubmit={submit} noValidate>
      <ImportPicker
        accounts={importable}
        onPick={(account) => {
          setImported(account)
          setForm((current) => withImported(current, account))
          clearConnectionTest()
        }}
      />
      <KindPicker
        value={form.kind}
        onChange={(kind) => {
          setForm((current) => withKind(current, kind))
          clearConnectionTest()
        }}
      />
      <div className="field-grid">
        <TextField
          label="Name"
          value={form.name}
          onChange={(name) => update({ name })}
          autoComplete="off"
          className="span-2"
        />
        <TextField
          label="Endpoint"
          value={endpointOf(form)}
          readOnly={preset !== undefined}
          onChange={(customEndpoint) => update({ customEndpoint })}
          placeholder="https://s3.example.com"
          hint={
            preset
              ? `The ${preset.label} gateway. HTTPS only.`
              : 'Use https://. Plain http:// is allowed only for localhost.'
          }
          autoComplete="off"
          spellCheck={false}
          inputMode="url"
          className="span-2"
        />
        <TextField
          label="Region"
          value={form.region}
          onChange={(region) => update({ region })}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="field field-check">
          <input
            id={pathStyleId}
            type="checkbox"
            checked={form.forcePathStyle}
            onChange={(event) => update({ forcePathStyle: event.target.checked })}
          />
          <label htmlFor={pathStyleId}>Path-style addressing</label>
        </div>
        <TextField
          label="Access key"
          value={form.accessKeyId}
          onChange={(accessKeyId) => update({ accessKeyId })}
          autoComplete="off"
          spellCheck={false}
        />
        <SecretField
          value={form.secretAccessKey}
          // A typed secret replaces the profile's.
          onChange={(secretAccessKey) => update({ secretAccessKey, secretFrom: null })}
          placeholder={hasStoredSecret ? 'unchanged' : undefined}
          secretFrom={form.secretFrom}
          missingFrom={
            imported && !imported.hasSecret && form.secretAccessKey === '' ? imported.name : null
          }
          storage={secretStorage}
        />
      </div>
      <details className="advanced">
        <summary>Advanced</summary>
        <div className="field-grid">
          <TextField
            label="Custom CA file"
            value={form.caFile}
            onChange={(caFile) => update({ caFile })}
            placeholder="/path/to/ca.pem"
            hint="A PEM file of the authority that signed the server's certificate. Optional."
            spellCheck={false}
            className="span-2"
          />
          <TextField
            label="Requests per second"
            type="number"
            min={1}
            max={10_000}
            value={form.rateLimit}
            onChange={(rateLimit) => update({ rateLimit })}
            hint="Every request counts. Oort DSS allows 100 per second per account."
          />
        </div>
      </details>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving && <Spinner />}
          Save and connect
        </button>
        <button
          type="button"
          className="button"
          disabled={testing || saving}
          onClick={() => void testConnection(request())}
        >
          {testing && <Spinner />}
          Test connection
        </button>
        <button type="button" className="button button-quiet" onClick={closeEditor}>
          Cancel
        </button>
      </div>
    </form>
  )
}
