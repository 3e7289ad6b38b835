import type { NameClashPolicy } from '../../../shared/name-clash'
import { baseName } from '../../../shared/s3-keys'
import { useAppStore } from '../../store/app-store'
import type { NameClashOperation } from '../../store/dialogs'
import type { Location } from '../../store/location'
import { countOf } from '../format'
import { FileIcon } from '../icons'
import { Modal } from './modal'

type Props = {
  readonly operation: NameClashOperation
  readonly preparationId: string
  readonly target: Location
  readonly existing: readonly string[]
  readonly total: number | null
}

const SHOWN = 6

/** How the dialog speaks of each operation. */
const WORDS: Readonly<
  Record<
    NameClashOperation,
    {
      readonly doing: string
      readonly noun: string
      readonly yours: string
      readonly items: string
    }
  >
> = {
  upload: { doing: 'Uploading to', noun: 'upload', yours: 'your files', items: 'files' },
  copy: { doing: 'Copying to', noun: 'copy', yours: 'the copies', items: 'objects' },
  move: { doing: 'Moving to', noun: 'move', yours: 'the moved objects', items: 'objects' },
  rename: { doing: 'Renaming in', noun: 'rename', yours: 'the renamed object', items: 'objects' },
}

/**
 * Asked once per upload, copy, move or rename when some of its target names exist: overwrite,
 * skip or keep both, for every clash of the operation.
 */
export const NameClashDialog = ({ operation, preparationId, target, existing, total }: Props) => {
  const answerUpload = useAppStore((state) => state.answerNameClash)
  const answerJob = useAppStore((state) => state.answerJobClash)
  const answer = operation === 'upload' ? answerUpload : answerJob
  const choose = (policy: NameClashPolicy | null) => () => answer(preparationId, policy)
  const words = WORDS[operation]
  const what =
    existing.length === 1 && (total === null || total === 1)
      ? `“${baseName(existing[0] ?? '')}” is`
      : total === null
        ? `${countOf(existing.length, 'name')} are`
        : `${existing.length.toLocaleString()} of ${countOf(total, 'file')} are`

  return (
    <Modal
      title="Name clash"
      subtitle={`${words.doing} ${target.bucket}/${target.prefix}`}
      onClose={choose(null)}
      footer={
        <>
          <button type="button" className="button" onClick={choose(null)}>
            Cancel {words.noun}
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
        {what} already in this folder. What you choose applies to every clash in this {words.noun}.
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
        <dd>Replace the objects in the bucket with {words.yours}.</dd>
        <dt>Skip</dt>
        <dd>
          Leave them as they are; {operation === 'upload' ? 'upload' : 'write'} only the{' '}
          {words.items} that are new.
        </dd>
        <dt>Keep both</dt>
        <dd>Write {words.yours} under a numbered name, e.g. “report (1).pdf”.</dd>
      </dl>
    </Modal>
  )
}
