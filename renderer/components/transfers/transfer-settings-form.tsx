import { useEffect, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import type { TransferSettings } from '../../../shared/transfers'
import { MIB } from '../../../shared/transfers'
import { useAppStore } from '../../store/app-store'
import { ErrorNotice } from '../error-notice'
import { Spinner } from '../spinner'
import { TextField } from '../text-field'

type Field = {
  readonly key: keyof TransferSettings
  readonly label: string
  readonly hint: string
  /** Shown in this unit (bytes are shown in MiB). */
  readonly unit: number
  readonly min: number
  readonly max: number
}

const fields: readonly Field[] = [
  { key: 'filesInFlight', label: 'Files at once', hint: '1–64', unit: 1, min: 1, max: 64 },
  {
    key: 'partsInFlight',
    label: 'Parts at once',
    hint: 'Over all uploads, 1–64',
    unit: 1,
    min: 1,
    max: 64,
  },
  { key: 'partSize', label: 'Part size (MiB)', hint: '5–512', unit: MIB, min: 5, max: 512 },
  {
    key: 'multipartThreshold',
    label: 'Multipart from (MiB)',
    hint: '5–512',
    unit: MIB,
    min: 5,
    max: 512,
  },
]

type Draft = Readonly<Record<keyof TransferSettings, string>>

const draftOf = (settings: TransferSettings): Draft => ({
  filesInFlight: String(settings.filesInFlight),
  partsInFlight: String(settings.partsInFlight),
  partSize: String(settings.partSize / MIB),
  multipartThreshold: String(settings.multipartThreshold / MIB),
})

const valueOf = (field: Field, text: string): number | null => {
  const value = Number(text)
  return Number.isInteger(value) && value >= field.min && value <= field.max ? value : null
}

/** The queue's settings, changed here and kept by main for the next start. */
export const TransferSettingsForm = ({ onDone }: { readonly onDone: () => void }) => {
  const settings = useAppStore((state) => state.transferSettings)
  const load = useAppStore((state) => state.loadTransferSettings)
  const change = useAppStore((state) => state.changeTransferSettings)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    void load()
  }, [load])

  if (!settings) {
    return (
      <p className="transfers-empty" role="status">
        <Spinner /> Loading settings…
      </p>
    )
  }
  const shown = draft ?? draftOf(settings)
  const invalid = fields.some((field) => valueOf(field, shown[field.key]) === null)

  const save = async () => {
    if (invalid || busy) return
    setBusy(true)
    const changes: Partial<Record<keyof TransferSettings, number>> = {}
    for (const field of fields) {
      changes[field.key] = (valueOf(field, shown[field.key]) ?? 0) * field.unit
    }
    const failed = await change(changes)
    setBusy(false)
    setError(failed)
    if (!failed) onDone()
  }

  return (
    <form
      className="transfer-settings"
      aria-label="Transfer settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <div className="transfer-settings-grid">
        {fields.map((field) => {
          const bad = valueOf(field, shown[field.key]) === null
          return (
            <TextField
              key={field.key}
              label={field.label}
              type="number"
              inputMode="numeric"
              min={field.min}
              max={field.max}
              value={shown[field.key]}
              aria-invalid={bad}
              hint={field.hint}
              hintTone={bad ? 'error' : 'normal'}
              onChange={(value) => setDraft({ ...shown, [field.key]: value })}
            />
          )
        })}
      </div>
      {error && <ErrorNotice title="Could not save the settings" error={error} />}
      <div className="transfer-settings-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={invalid || busy}>
          Save
        </button>
      </div>
    </form>
  )
}
