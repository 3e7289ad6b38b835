/** What an edit session's row says about it, in words. */
import type { EditSession } from '../../../shared/edits'

const time = (iso: string): string =>
  new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })

export const editStatus = (session: EditSession): string => {
  switch (session.state) {
    case 'opening':
      return 'Opening…'
    case 'saving':
      return 'Uploading your save…'
    case 'conflict':
      return 'Changed on the server: choose what to do with your save'
    case 'editing':
      if (session.saves === 0) return 'Open in its app; saves there are uploaded'
      return `Saved ${session.saves === 1 ? 'once' : `${session.saves} times`}${
        session.lastSavedAt ? `, last at ${time(session.lastSavedAt)}` : ''
      }`
    case 'failed':
      return 'Could not be opened'
    case 'stopped':
      return 'Editing ended'
  }
}
