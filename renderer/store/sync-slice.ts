/**
 * Folder sync in the window: saved pairs (the sidebar), the open sync session (its pair, the
 * comparison, the plan, the run) and runs' progress, plus choosing a local folder (the OS dialog
 * in Electron, main's folder listing in the web shell).
 */
import type { DssApi } from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import type { LocalFolderListing } from '../../shared/local-folders'
import {
  DEFAULT_MAX_DELETE_SHARE,
  DEFAULT_MAX_DELETES,
  type CompareProgress,
  type Comparison,
  type SyncDirection,
  type SyncCompareMode,
  type SyncPair,
  type SyncPlan,
  type SyncRunSnapshot,
} from '../../shared/sync'
import type { SliceCreator } from './app-state'
import { createRequestIds } from './request-ids'

/** Every field of a pair as the form edits it. */
export type SyncDraft = {
  readonly name: string
  readonly accountId: string
  readonly bucket: string
  readonly prefix: string
  readonly localPath: string
  readonly direction: SyncDirection
  readonly compare: SyncCompareMode
  readonly maxDeletes: number
  readonly maxDeleteShare: number
}

/** Where the open session is: editing the pair, comparing, looking at the plan, or running it. */
export type SyncStep =
  | { readonly kind: 'edit' }
  | {
      readonly kind: 'comparing'
      readonly requestId: string
      readonly progress: CompareProgress | null
    }
  /** The comparison, and the plan once previewed (nothing runs before the user confirms). */
  | {
      readonly kind: 'compared'
      readonly comparison: Comparison
      readonly plan: SyncPlan | null
      /** A run refused by a delete guard: its plain question, until confirmed. */
      readonly confirm: string | null
      readonly starting: boolean
    }
  | {
      readonly kind: 'running'
      readonly comparison: Comparison
      readonly plan: SyncPlan
      readonly runId: string
    }

export type SyncSession = {
  /** The saved pair it works on; null before the form is first saved. */
  readonly pairId: string | null
  readonly draft: SyncDraft
  readonly step: SyncStep
  readonly error: AppError | null
}

export type SyncSlice = {
  readonly syncPairs: readonly SyncPair[]
  readonly syncRuns: ReadonlyMap<string, SyncRunSnapshot>
  readonly syncSession: SyncSession | null
  /** Whether the OS folder dialog is there (Electron); else the in-app chooser is used. */
  readonly nativeFolderDialog: boolean
  loadSyncPairs(): Promise<void>
  loadSyncRuns(): Promise<void>
  applySyncPairs(pairs: readonly SyncPair[]): void
  applyCompareProgress(progress: CompareProgress): void
  applySyncRun(run: SyncRunSnapshot): void
  /** Opens the sync panel on a new pair, with what is known (the account, bucket, folder). */
  openSync(fields: Partial<SyncDraft>): void
  /** Opens the panel on a saved pair's form. */
  editSyncPair(pairId: string): void
  closeSync(): void
  updateSyncDraft(patch: Partial<SyncDraft>): void
  /** Saves the pair, then compares its two sides and previews the plan. */
  compareSync(): Promise<void>
  /** One click from the sidebar: compare and preview a saved pair (the run waits for a confirm). */
  rerunSyncPair(pairId: string): Promise<void>
  cancelSyncCompare(): Promise<void>
  /** Back to the pair's form (from a comparison or a finished run). */
  editSyncDraft(): void
  /** Runs the previewed plan; `confirmDeletes` answers a delete guard's question. */
  runSync(confirmDeletes: boolean): Promise<void>
  /** Each answers the error too, for the sidebar, where no session may be open. */
  pauseSyncRun(runId: string): Promise<AppError | null>
  resumeSyncRun(runId: string): Promise<AppError | null>
  cancelSyncRun(runId: string): Promise<AppError | null>
  removeSyncPair(pairId: string): Promise<AppError | null>
  /** Electron: the OS folder dialog; the chosen folder, or null when cancelled. */
  chooseFolderNatively(title: string, current: string | null): Promise<string | null>
  /** The web shell's chooser: a folder main handed out (null: the home folder). */
  listLocalFolders(path: string | null): Promise<Result<LocalFolderListing>>
}

export const emptySyncDraft = (fields: Partial<SyncDraft> = {}): SyncDraft => ({
  name: '',
  accountId: '',
  bucket: '',
  prefix: '',
  localPath: '',
  direction: 'upload',
  compare: 'size-time',
  maxDeletes: DEFAULT_MAX_DELETES,
  maxDeleteShare: DEFAULT_MAX_DELETE_SHARE,
  ...fields,
})

const draftOf = ({ id: _id, lastRun: _lastRun, ...fields }: SyncPair): SyncDraft => fields

/** A name for a new pair: its local folder's last part and the bucket folder. */
export const suggestedPairName = (draft: SyncDraft): string => {
  const local = draft.localPath.split(/[\\/]/).filter(Boolean).pop() ?? ''
  const remote = `${draft.bucket}/${draft.prefix}`.replace(/\/$/, '')
  return local && draft.bucket ? `${local} ⇄ ${remote}` : ''
}

export const createSyncSlice =
  (api: DssApi): SliceCreator<SyncSlice> =>
  (set, get) => {
    const requestIds = createRequestIds()

    const setSession = (change: (session: SyncSession) => SyncSession | null): void => {
      const session = get().syncSession
      if (session) set({ syncSession: change(session) })
    }

    const fail = (error: AppError, step: SyncStep): void =>
      setSession((session) => ({ ...session, error, step }))

    /** Compares the saved pair and previews the plan; a newer session or a cancel wins. */
    const compareSaved = async (pairId: string): Promise<void> => {
      const requestId = requestIds('sync-compare')
      setSession((session) => ({
        ...session,
        pairId,
        error: null,
        step: { kind: 'comparing', requestId, progress: null },
      }))
      const current = () => {
        const step = get().syncSession?.step
        return step?.kind === 'comparing' && step.requestId === requestId
      }
      const compared = await api.invoke('sync.compare', { pair: { pairId }, requestId })
      if (!current()) return
      if (!compared.ok) {
        fail(compared.error, { kind: 'edit' })
        return
      }
      const comparison = compared.value
      const previewed = await api.invoke('sync.preview', {
        comparisonId: comparison.comparisonId,
      })
      if (!current()) return
      setSession((session) => ({
        ...session,
        error: previewed.ok ? null : previewed.error,
        step: {
          kind: 'compared',
          comparison,
          plan: previewed.ok ? previewed.value : null,
          confirm: null,
          starting: false,
        },
      }))
    }

    const runCommand = async (
      name: 'sync.pause' | 'sync.resume' | 'sync.cancel',
      runId: string,
    ): Promise<AppError | null> => {
      const result = await api.invoke(name, { runId })
      if (result.ok) return null
      setSession((session) => ({ ...session, error: result.error }))
      return result.error
    }

    return {
      syncPairs: [],
      syncRuns: new Map(),
      syncSession: null,
      nativeFolderDialog: api.chooseFolder !== undefined,

      loadSyncPairs: async () => {
        const result = await api.invoke('sync.pairs.list', {})
        if (result.ok) get().applySyncPairs(result.value)
      },

      loadSyncRuns: async () => {
        const result = await api.invoke('sync.runs', {})
        if (!result.ok) return
        set({ syncRuns: new Map(result.value.map((run) => [run.runId, run])) })
      },

      applySyncPairs: (syncPairs) => set({ syncPairs }),

      applyCompareProgress: (progress) =>
        setSession((session) =>
          session.step.kind === 'comparing' && session.step.requestId === progress.requestId
            ? { ...session, step: { ...session.step, progress } }
            : session,
        ),

      applySyncRun: (run) =>
        set((state) => ({ syncRuns: new Map(state.syncRuns).set(run.runId, run) })),

      openSync: (fields) =>
        set({
          syncSession: {
            pairId: null,
            draft: emptySyncDraft(fields),
            step: { kind: 'edit' },
            error: null,
          },
        }),

      editSyncPair: (pairId) => {
        const pair = get().syncPairs.find(({ id }) => id === pairId)
        if (!pair) return
        set({ syncSession: { pairId, draft: draftOf(pair), step: { kind: 'edit' }, error: null } })
      },

      closeSync: () => {
        const step = get().syncSession?.step
        if (step?.kind === 'comparing')
          void api.invoke('requests.cancel', { requestId: step.requestId })
        set({ syncSession: null })
      },

      updateSyncDraft: (patch) =>
        setSession((session) => ({
          ...session,
          draft: { ...session.draft, ...patch },
          error: null,
        })),

      compareSync: async () => {
        const session = get().syncSession
        if (!session || session.step.kind === 'comparing') return
        const draft = {
          ...session.draft,
          name: session.draft.name || suggestedPairName(session.draft),
        }
        const saved = await api.invoke('sync.pairs.save', {
          ...(session.pairId ? { id: session.pairId } : {}),
          draft,
        })
        if (!saved.ok) {
          fail(saved.error, { kind: 'edit' })
          return
        }
        setSession((current) => ({
          ...current,
          pairId: saved.value.id,
          draft: draftOf(saved.value),
        }))
        await compareSaved(saved.value.id)
      },

      rerunSyncPair: async (pairId) => {
        get().editSyncPair(pairId)
        if (get().syncSession?.pairId === pairId) await compareSaved(pairId)
      },

      cancelSyncCompare: async () => {
        const step = get().syncSession?.step
        if (step?.kind !== 'comparing') return
        setSession((session) => ({ ...session, step: { kind: 'edit' } }))
        await api.invoke('requests.cancel', { requestId: step.requestId })
      },

      editSyncDraft: () =>
        setSession((session) => ({ ...session, error: null, step: { kind: 'edit' } })),

      runSync: async (confirmDeletes) => {
        const step = get().syncSession?.step
        if (step?.kind !== 'compared' || !step.plan || step.starting) return
        const { comparison, plan } = step
        setSession((session) => ({ ...session, error: null, step: { ...step, starting: true } }))
        const result = await api.invoke('sync.run', { planId: plan.planId, confirmDeletes })
        if (!result.ok) {
          const confirm = result.error.code === 'NEEDS_CONFIRMATION' ? result.error.message : null
          setSession((session) => ({
            ...session,
            error: confirm ? null : result.error,
            step: { ...step, confirm, starting: false },
          }))
          return
        }
        get().applySyncRun(result.value)
        setSession((session) => ({
          ...session,
          step: { kind: 'running', comparison, plan, runId: result.value.runId },
        }))
      },

      pauseSyncRun: (runId) => runCommand('sync.pause', runId),
      resumeSyncRun: (runId) => runCommand('sync.resume', runId),
      cancelSyncRun: (runId) => runCommand('sync.cancel', runId),

      removeSyncPair: async (pairId) => {
        const result = await api.invoke('sync.pairs.remove', { id: pairId })
        if (!result.ok) return result.error
        set((state) => ({
          syncPairs: state.syncPairs.filter(({ id }) => id !== pairId),
          syncSession: state.syncSession?.pairId === pairId ? null : state.syncSession,
        }))
        return null
      },

      chooseFolderNatively: async (title, current) =>
        (await api.chooseFolder?.({ title, defaultPath: current || null })) ?? null,

      listLocalFolders: (path) => api.invoke('local.folders', { path }),
    }
  }
