import type { EditableKind } from '../store/accounts-slice'
import { kindLabels, presetFor } from './account-form'
import { KindIcon } from './kind-icon'

const kinds: readonly EditableKind[] = ['dss-standard', 'dss-archive', 'custom']

type Props = {
  readonly value: EditableKind
  readonly onChange: (kind: EditableKind) => void
}

/** Where the account lives: one of Oort's gateways or any other S3-compatible endpoint. */
export const KindPicker = ({ value, onChange }: Props) => (
  <fieldset className="kind-picker">
    <legend className="field-label">Storage</legend>
    {kinds.map((kind) => (
      <label key={kind} className={kind === value ? 'kind-option is-checked' : 'kind-option'}>
        <input
          type="radio"
          name="kind"
          value={kind}
          checked={kind === value}
          onChange={() => onChange(kind)}
        />
        <span className="kind-option-title">
          <KindIcon kind={kind} />
          {kindLabels[kind]}
        </span>
        <span className="kind-option-description">
          {presetFor(kind)?.description ?? 'MinIO, Ceph or any other S3 server.'}
        </span>
      </label>
    ))}
  </fieldset>
)
