import './edits.css'
import { useShallow } from 'zustand/react/shallow'
import type { EditSession } from '../../../shared/edits'
import { useAppStore } from '../../store/app-store'
import { ErrorNotice } from '../error-notice'
import { editStatus } from './edit-status'

const EditRow = ({ session }: { readonly session: EditSession }) => {
  const resolve = useAppStore((state) => state.resolveEdit)
  const stop = useAppStore((state) => state.stopEditing)
  return (
    <li className="edit-row">
      <div className="edit-text">
        <span className="edit-name" title={`${session.bucket}/${session.key}`}>
          {session.name}
        </span>
        <span className="edit-status">{editStatus(session)}</span>
      </div>
      {session.error && <ErrorNotice error={session.error} />}
      <div className="row-actions">
        {session.state === 'conflict' && (
          <>
            <button type="button" onClick={() => void resolve(session.id, 'overwrite')}>
              Replace theirs
            </button>
            <button type="button" onClick={() => void resolve(session.id, 'keep-both')}>
              Keep both
            </button>
            <button type="button" onClick={() => void resolve(session.id, 'skip')}>
              Skip this save
            </button>
          </>
        )}
        <button
          type="button"
          disabled={session.state === 'saving' || session.state === 'opening'}
          onClick={() => void stop(session.id)}
        >
          Stop editing
        </button>
      </div>
    </li>
  )
}

/**
 * Files open in their own apps, shown while there are any (or an open failed): each with what
 * happened to its saves, the clash choice when the server copy changed, and Stop editing.
 */
export const EditsPanel = () => {
  const sessions = useAppStore(useShallow((state) => [...state.edits.values()]))
  const problem = useAppStore((state) => state.editProblem)
  const dismiss = useAppStore((state) => state.dismissEditProblem)
  if (sessions.length === 0 && !problem) return null
  return (
    <section className="tray-panel edits-panel" aria-label="Editing">
      <header className="tray-header">
        <h2 className="tray-title">Editing</h2>
      </header>
      {problem && (
        <div className="edits-problem">
          <ErrorNotice error={problem} onDismiss={dismiss} />
        </div>
      )}
      {sessions.length > 0 && (
        <ul className="edits-list">
          {sessions.map((session) => (
            <EditRow key={session.id} session={session} />
          ))}
        </ul>
      )}
    </section>
  )
}
