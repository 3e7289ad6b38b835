import type { ConflictPolicy } from '../../../shared/transfers'
import { baseName } from '../../../shared/s3-keys'
import { useAppStore } from '../../store/app-store'
import type { Location } from '../../store/location'
import { countOf } from '../format'
import { FileIcon } from '../icons'
import { Modal } from './modal'

type Props = {
  readonly preparationId: string
  readonly target: Location
  readonly existing: readonly string[]
  readonly total: number
}

const SHOWN = 6

/** Asked once per upload batch when some of its keys exist: overwrite, skip or keep both. */
export const NameClashDialog = ({ preparationId, target, existing, total }: Props) => {
  const answer = useAppStore((state) => state.answerNameClash)
  const choose = (policy: ConflictPolicy | null) => () => answer(preparationId, policy)
  const what =
    total === 1
      ? `“${baseName(existing[0] ?? '')}” is`
      : `${existing.length.toLocaleString()} of ${countOf(total, 'file')} are`

  return (
    <Modal
      title="Name clash"
      subtitle={`Uploading to ${target.bucket}/${target.prefix}`}
      onClose={choose(null)}
      footer={
        <>
          <button type="button" className="button" onClick={choose(null)}>
            Cancel upload
          </button>
          <span className="modal-footer-gap" />
          <button type="button" className="button" onClick={choose('skip')}>
            Skip
          </button>
          <button type="button" className="button" onClick={choose('keep-both')}>
            Keep both
          </button>
          <button type="button" className="button button-danger" onClick={choose('overwrite')}>
            Overwrite
          </button>
        </>
      }
    >
      <p className="modal-text">
        {what} already in this folder. What you choose applies to every clash in this upload.
      </p>
      <ul className="entry-list" aria-label="Existing objects">
        {existing.slice(0, SHOWN).map((key) => (
          <li key={key} className="entry-list-item" title={key}>
            <FileIcon />
            <span className="entry-list-name">{key.slice(target.prefix.length)}</span>
          </li>
        ))}
        {existing.length > SHOWN && (
          <li className="entry-list-more">and {(existing.length - SHOWN).toLocaleString()} more</li>
        )}
      </ul>
      <dl className="clash-choices">
        <dt>Overwrite</dt>
        <dd>Replace the objects in the bucket with your files.</dd>
        <dt>Skip</dt>
        <dd>Leave them as they are; upload only the files that are new.</dd>
        <dt>Keep both</dt>
        <dd>Upload yours under a numbered name, e.g. “report (1).pdf”.</dd>
      </dl>
    </Modal>
  )
}
