/**
 * Files open for editing in the system's app (double-click or Enter on a file): their sessions
 * as main reports them, and the user's part — open, choose on a clash, stop.
 */
import type { DssApi } from '../../shared/contract'
import type { EditSession } from '../../shared/edits'
import type { AppError } from '../../shared/errors'
import type { NameClashPolicy } from '../../shared/name-clash'
import type { SliceCreator } from './app-state'
import type { Location } from './location'

export type EditsSlice = {
  /** Sessions open now, by id; a stopped or failed one leaves. */
  readonly edits: ReadonlyMap<string, EditSession>
  /** Why the last open failed (no app for the file, the fetch failed), until the next one. */
  readonly editProblem: AppError | null
  openForEditing(location: Location, key: string): Promise<void>
  resolveEdit(id: string, choice: NameClashPolicy): Promise<void>
  stopEditing(id: string): Promise<void>
  dismissEditProblem(): void
  applyEditUpdate(session: EditSession): void
  loadEdits(): Promise<void>
}

export const createEditsSlice =
  (api: DssApi): SliceCreator<EditsSlice> =>
  (set, get) => ({
    edits: new Map(),
    editProblem: null,
    openForEditing: async (location, key) => {
      set({ editProblem: null })
      const result = await api.invoke('edits.open', {
        accountId: location.accountId,
        bucket: location.bucket,
        key,
      })
      if (result.ok) get().applyEditUpdate(result.value)
      else if (result.error.code !== 'CANCELLED') set({ editProblem: result.error })
    },
    resolveEdit: async (id, choice) => {
      const result = await api.invoke('edits.resolve', { id, choice })
      if (result.ok) get().applyEditUpdate(result.value)
      else set({ editProblem: result.error })
    },
    stopEditing: async (id) => {
      const result = await api.invoke('edits.stop', { id })
      if (!result.ok) set({ editProblem: result.error })
    },
    dismissEditProblem: () => set({ editProblem: null }),
    applyEditUpdate: (session) =>
      set((state) => {
        const edits = new Map(state.edits)
        if (session.state === 'stopped') edits.delete(session.id)
        else if (session.state === 'failed') {
          edits.delete(session.id)
          return { edits, editProblem: session.error }
        } else edits.set(session.id, session)
        return { edits }
      }),
    loadEdits: async () => {
      const result = await api.invoke('edits.list', {})
      if (result.ok) set({ edits: new Map(result.value.map((session) => [session.id, session])) })
    },
  })
