import { useState } from 'react'
import type { AppError } from '../../../shared/errors'
import type { ObjectProperties } from '../../../shared/objects'
import { useAppStore } from '../../store/app-store'
import type { Location } from '../../store/location'
import type { Entry } from '../../store/object-entry'
import { ErrorNotice } from '../error-notice'
import { CheckIcon } from '../icons'
import { Spinner } from '../spinner'
import { filledRows, metadataProblem } from './metadata-rows'
import { Modal } from './modal'
import { ObjectPreview } from './object-preview'
import type { PropertiesDraft } from './properties-draft'
import { draftChanged, draftOf } from './properties-draft'
import { PropertiesFields } from './properties-fields'
import { useLoaded } from './use-loaded'

type Props = { readonly location: Location; readonly entry: Entry }

/** An object's properties (one HEAD), its editable headers and metadata, and a preview. */
export const PropertiesDialog = ({ location, entry }: Props) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const headObject = useAppStore((state) => state.headObject)
  const previewObject = useAppStore((state) => state.previewObject)
  const updateProperties = useAppStore((state) => state.updateProperties)
  const head = useLoaded((signal) => headObject(location, entry.key, signal))
  const preview = useLoaded((signal) => previewObject(location, entry.key, signal))
  const [saved, setSaved] = useState<ObjectProperties | null>(null)
  // null while the form shows the properties as they are.
  const [edited, setEdited] = useState<PropertiesDraft | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const properties = saved ?? (head.state === 'ready' ? head.value : null)
  const draft = edited ?? (properties && draftOf(properties))
  const changed = properties !== null && draft !== null && draftChanged(draft, properties)
  const problem = draft && metadataProblem(draft.metadata)

  const save = async () => {
    if (!properties || !draft || !changed || problem !== null || busy) return
    setBusy(true)
    setError(null)
    const result = await updateProperties(location, {
      key: properties.key,
      contentType: draft.contentType,
      cacheControl: draft.cacheControl === '' ? null : draft.cacheControl,
      metadata: Object.fromEntries(
        filledRows(draft.metadata).map(({ key, value }) => [key, value]),
      ),
    })
    setBusy(false)
    if (!result.ok) {
      setError(result.error)
      return
    }
    setSaved(result.value)
    setEdited(null)
  }

  return (
    <Modal
      title="Properties"
      subtitle={entry.key}
      wide
      onClose={closeDialog}
      onSubmit={() => void save()}
      footer={
        <>
          {saved !== null && !changed && (
            <span className="modal-saved" role="status">
              <CheckIcon /> Saved
            </span>
          )}
          <button type="button" className="button" onClick={closeDialog}>
            Close
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={!changed || problem !== null || busy}
          >
            Save
          </button>
        </>
      }
    >
      <div className="properties-layout">
        <div>
          {properties && draft ? (
            <PropertiesFields properties={properties} draft={draft} onChange={setEdited} />
          ) : head.state === 'failed' ? (
            <ErrorNotice title="Could not read the properties" error={head.error} />
          ) : (
            <p className="preview-note" role="status">
              <Spinner /> Reading properties…
            </p>
          )}
          {problem && (
            <p className="field-hint field-hint-error" role="alert">
              {problem}
            </p>
          )}
          {error && <ErrorNotice title="Could not save" error={error} />}
        </div>
        <section className="properties-preview" aria-label="Preview">
          <ObjectPreview preview={preview} />
        </section>
      </div>
    </Modal>
  )
}
