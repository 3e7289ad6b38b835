import { CloseIcon, PlusIcon } from '../icons'

export type MetadataRow = { readonly id: number; readonly key: string; readonly value: string }

// An HTTP header name: S3 sends user metadata as x-amz-meta-<key> headers.
const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/

/**
 * The rows that say something: a row just added by "Add metadata" and left empty is no entry
 * (and no mistake), so it is neither checked nor saved.
 */
export const filledRows = (rows: readonly MetadataRow[]): MetadataRow[] =>
  rows.filter(({ key, value }) => key !== '' || value !== '')

/** Why the rows cannot be saved, or null. */
export const metadataProblem = (rows: readonly MetadataRow[]): string | null => {
  const seen = new Set<string>()
  for (const { key } of filledRows(rows)) {
    if (key === '') return 'Every metadata entry needs a key.'
    if (!TOKEN.test(key)) return `“${key}” cannot be a metadata key: use letters, digits and - _ .`
    // S3 stores metadata keys in lower case: 'Owner' and 'owner' are the same key.
    if (seen.has(key.toLowerCase())) return `The metadata key “${key}” appears twice.`
    seen.add(key.toLowerCase())
  }
  return null
}

type Props = {
  readonly rows: readonly MetadataRow[]
  readonly onChange: (rows: readonly MetadataRow[]) => void
}

/** Rows for metadata as read; ids are positions, so they are the same on every call. */
export const metadataRowsOf = (metadata: Readonly<Record<string, string>>): MetadataRow[] =>
  Object.entries(metadata).map(([key, value], id) => ({ id, key, value }))

export const sameMetadata = (
  rows: readonly MetadataRow[],
  metadata: Readonly<Record<string, string>>,
): boolean => {
  const filled = filledRows(rows)
  return (
    filled.length === Object.keys(metadata).length &&
    filled.every(({ key, value }) => Object.hasOwn(metadata, key) && metadata[key] === value)
  )
}

/** User metadata as editable key/value rows. */
export const MetadataRows = ({ rows, onChange }: Props) => {
  const update = (id: number, change: Partial<MetadataRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)))
  return (
    <fieldset className="metadata">
      <legend className="field-label">User metadata</legend>
      {rows.length === 0 && <p className="field-hint">No user metadata.</p>}
      {rows.map((row, index) => (
        <div key={row.id} className="metadata-row">
          <input
            className="input"
            aria-label={`Metadata key ${index + 1}`}
            placeholder="key"
            spellCheck={false}
            value={row.key}
            onChange={(event) => update(row.id, { key: event.target.value })}
          />
          <input
            className="input"
            aria-label={`Metadata value ${index + 1}`}
            placeholder="value"
            spellCheck={false}
            value={row.value}
            onChange={(event) => update(row.id, { value: event.target.value })}
          />
          <button
            type="button"
            className="button button-quiet button-icon"
            aria-label={`Remove metadata ${row.key || index + 1}`}
            onClick={() => onChange(rows.filter((other) => other.id !== row.id))}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link-button metadata-add"
        onClick={() =>
          onChange([
            ...rows,
            { id: Math.max(-1, ...rows.map(({ id }) => id)) + 1, key: '', value: '' },
          ])
        }
      >
        <PlusIcon /> Add metadata
      </button>
    </fieldset>
  )
}
