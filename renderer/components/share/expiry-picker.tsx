import { useId } from 'react'
import type { SignatureVersion } from '../../../shared/share'
import type { ExpiryChoice, ExpiryUnit } from '../../store/share-expiry'
import {
  customFrom,
  expiryChoiceProblem,
  expiryUnits,
  presetsFor,
  secondsOf,
} from '../../store/share-expiry'
import { expiresText } from './share-format'
import { useNow } from './use-now'

type Props = {
  readonly choice: ExpiryChoice
  readonly signature: SignatureVersion
  readonly onChange: (choice: ExpiryChoice) => void
}

/**
 * How long a link stays valid: presets (longer ones for SigV2), or a number of minutes, hours or
 * days; under it the exact expiry in local time, or why the choice cannot be signed.
 */
export const ExpiryPicker = ({ choice, signature, onChange }: Props) => {
  const name = useId()
  const now = useNow(15_000)
  const problem = expiryChoiceProblem(choice, signature)
  const seconds = secondsOf(choice) ?? 0
  const current = choice.kind === 'preset' ? choice.seconds : null

  return (
    <fieldset className="share-expiry">
      <legend className="field-label">Valid for</legend>
      <div className="segments">
        {presetsFor(signature).map((preset) => (
          <label key={preset.seconds} className="segment">
            <input
              type="radio"
              name={name}
              checked={current === preset.seconds}
              onChange={() => onChange({ kind: 'preset', seconds: preset.seconds })}
            />
            <span>{preset.label}</span>
          </label>
        ))}
        <label className="segment">
          <input
            type="radio"
            name={name}
            checked={choice.kind === 'custom'}
            onChange={() => onChange(customFrom(seconds > 0 ? seconds : 3600))}
          />
          <span>Custom</span>
        </label>
      </div>
      {choice.kind === 'custom' && (
        <div className="share-custom">
          <input
            className="input"
            inputMode="decimal"
            aria-label="Custom expiry"
            aria-invalid={problem !== null}
            value={choice.amount}
            spellCheck={false}
            onChange={(event) => onChange({ ...choice, amount: event.target.value })}
          />
          <select
            className="input"
            aria-label="Unit"
            value={choice.unit}
            onChange={(event) => onChange({ ...choice, unit: event.target.value as ExpiryUnit })}
          >
            {expiryUnits.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </div>
      )}
      <p
        className={problem === null ? 'share-expires' : 'field-hint field-hint-error'}
        data-testid="expiry"
        aria-live="polite"
      >
        {problem ?? expiresText(new Date(now + seconds * 1000), new Date(now))}
      </p>
    </fieldset>
  )
}
