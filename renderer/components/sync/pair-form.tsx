import type { AccountSummary } from '../../../shared/accounts'
import { useAppStore } from '../../store/app-store'
import type { SyncDraft } from '../../store/sync-slice'
import { suggestedPairName } from '../../store/sync-slice'
import { LocalFolderField } from '../local-folder/local-folder-field'
import { TextField } from '../text-field'
import { DIRECTIONS } from './sync-labels'

const NO_ACCOUNTS: readonly AccountSummary[] = []

type Props = { readonly draft: SyncDraft; readonly saved: boolean }

/** A pair's two sides, direction and how equal files are told; Compare saves it first. */
export const PairForm = ({ draft, saved }: Props) => {
  const update = useAppStore((state) => state.updateSyncDraft)
  const compare = useAppStore((state) => state.compareSync)
  const accounts = useAppStore((state) =>
    state.accountList.state === 'loaded' ? state.accountList.accounts : NO_ACCOUNTS,
  )
  const suggested = suggestedPairName(draft)

  return (
    <form
      className="sync-form"
      aria-label="Sync pair"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void compare()
      }}
    >
      <LocalFolderField
        label="Local folder"
        title="Sync with which local folder?"
        value={draft.localPath}
        placeholder="/home/me/photos"
        hint="A full path on this computer."
        onChange={(localPath) => update({ localPath })}
      />
      <div className="sync-form-row">
        <div className="field">
          <label className="field-label" htmlFor="sync-account">
            Account
          </label>
          <select
            id="sync-account"
            className="input"
            value={draft.accountId}
            onChange={(event) => update({ accountId: event.target.value })}
          >
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label="Bucket"
          value={draft.bucket}
          spellCheck={false}
          onChange={(bucket) => update({ bucket })}
        />
        <TextField
          label="Bucket folder"
          value={draft.prefix}
          spellCheck={false}
          placeholder="Empty for the whole bucket"
          onChange={(prefix) => update({ prefix })}
        />
      </div>
      <fieldset className="sync-directions">
        <legend className="field-label">Direction</legend>
        {DIRECTIONS.map(({ value, label, hint }) => (
          <label key={value} className="sync-direction">
            <input
              type="radio"
              name="sync-direction"
              value={value}
              checked={draft.direction === value}
              onChange={() => update({ direction: value })}
            />
            <span className="sync-direction-label">{label}</span>
            <span className="field-hint">{hint}</span>
          </label>
        ))}
      </fieldset>
      <label className="sync-check">
        <input
          type="checkbox"
          checked={draft.compare === 'checksum'}
          onChange={(event) => update({ compare: event.target.checked ? 'checksum' : 'size-time' })}
        />
        Confirm files of equal size by their content (reads them; no extra requests)
      </label>
      <TextField
        label="Name"
        value={draft.name}
        placeholder={suggested || 'Photos backup'}
        hint={saved ? undefined : 'Saved in the sidebar when you compare.'}
        onChange={(name) => update({ name })}
      />
      <div className="sync-actions">
        <button type="submit" className="button button-primary">
          Compare
        </button>
      </div>
    </form>
  )
}
