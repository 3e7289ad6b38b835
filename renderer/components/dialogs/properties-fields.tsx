import type { ObjectProperties } from '../../../shared/objects'
import { formatBytes, formatDate } from '../format'
import { TextField } from '../text-field'
import { MetadataRows } from './metadata-rows'
import type { PropertiesDraft } from './properties-draft'

type Props = {
  readonly properties: ObjectProperties
  readonly draft: PropertiesDraft
  readonly onChange: (draft: PropertiesDraft) => void
}

/** What HEAD told about the object, then the headers and metadata that can be rewritten. */
export const PropertiesFields = ({ properties, draft, onChange }: Props) => {
  const facts: readonly (readonly [string, string | null])[] = [
    [
      'Size',
      properties.size < 1024
        ? formatBytes(properties.size)
        : `${formatBytes(properties.size)} (${properties.size.toLocaleString()} bytes)`,
    ],
    ['Last modified', formatDate(properties.lastModified)],
    ['ETag', properties.etag ?? '—'],
    ['Storage class', properties.storageClass ?? 'STANDARD'],
    ['Content-Encoding', properties.contentEncoding],
    ['Content-Disposition', properties.contentDisposition],
  ]
  return (
    <div className="properties-fields">
      <dl className="facts" data-testid="object-facts">
        {facts.map(
          ([term, value]) =>
            value !== null && (
              <div key={term} className="fact">
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ),
        )}
      </dl>
      <TextField
        label="Content type"
        value={draft.contentType}
        spellCheck={false}
        placeholder="application/octet-stream"
        onChange={(contentType) => onChange({ ...draft, contentType })}
      />
      <TextField
        label="Cache-Control"
        value={draft.cacheControl}
        spellCheck={false}
        placeholder="e.g. max-age=3600"
        onChange={(cacheControl) => onChange({ ...draft, cacheControl })}
      />
      <MetadataRows
        rows={draft.metadata}
        onChange={(metadata) => onChange({ ...draft, metadata })}
      />
    </div>
  )
}
