/**
 * Uploads and downloads as main's transfer queue reports them (`transfers.updated`), the
 * transfers panel, and the commands on them: pause, resume, cancel, retry, download.
 */
import type { CommandName, CommandRequest, DssApi } from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import type { LocalClashPolicy } from '../../shared/name-clash'
import type {
  TransferSettings,
  TransferSnapshot,
  TransferState,
  TransferTotals,
  TransfersUpdate,
} from '../../shared/transfers'
import type { SliceCreator } from './app-state'
import { selectionOf } from './dialogs'
import type { Location } from './location'
import type { Entry } from './object-entry'

export type TransfersSlice = {
  /** By id, in the order main first reported them. */
  readonly transfers: ReadonlyMap<string, TransferSnapshot>
  readonly transferTotals: TransferTotals
  readonly transfersPanelOpen: boolean
  /** The last command on transfers that failed, shown in the panel until the next one. */
  readonly transfersError: AppError | null
  /** Transfers an earlier run left unfinished (listed paused at start), until resumed or gone. */
  readonly interruptedIds: ReadonlySet<string>
  /** The folder the last download went to this session (null: the Downloads folder). */
  readonly lastDownloadFolder: string | null
  /** The queue's settings, once read. */
  readonly transferSettings: TransferSettings | null
  loadTransfers(): Promise<void>
  applyTransfersUpdate(update: TransfersUpdate): void
  pauseTransfer(id: string): Promise<void>
  resumeTransfer(id: string): Promise<void>
  cancelTransfer(id: string): Promise<void>
  retryTransfer(id: string): Promise<void>
  pauseAllTransfers(): Promise<void>
  resumeAllTransfers(): Promise<void>
  clearFinishedTransfers(): Promise<void>
  /** Aborts the multipart uploads an earlier run left, and drops them from the list. */
  discardInterrupted(): Promise<void>
  /**
   * Queues the rows (folders recursively) for download; null destination is the Downloads
   * folder. A local file of the same name is kept, and the download saved beside it or skipped.
   */
  download(
    location: Location,
    entries: readonly Entry[],
    destination: string | null,
    conflict?: LocalClashPolicy,
  ): Promise<AppError | null>
  setTransfersPanelOpen(open: boolean): void
  loadTransferSettings(): Promise<void>
  /** Changes some settings (main keeps them for the next start); the error when refused. */
  changeTransferSettings(changes: Partial<TransferSettings>): Promise<AppError | null>
}

export const isTransferFinished = (state: TransferState): boolean =>
  state === 'done' || state === 'failed' || state === 'cancelled'

export const isTransferActive = (state: TransferState): boolean =>
  state === 'queued' || state === 'running'

export const emptyTotals: TransferTotals = {
  counts: { queued: 0, running: 0, paused: 0, done: 0, failed: 0, cancelled: 0 },
  bytesDone: 0,
  bytesTotal: 0,
  bytesPerSecond: 0,
  etaSeconds: null,
}

type TransferCommand =
  | 'transfers.pause'
  | 'transfers.resume'
  | 'transfers.cancel'
  | 'transfers.retry'
  | 'transfers.pauseAll'
  | 'transfers.resumeAll'
  | 'transfers.clearFinished'

export const createTransfersSlice =
  (api: DssApi): SliceCreator<TransfersSlice> =>
  (set, get) => {
    /** Runs a command whose effect arrives as `transfers.updated`; keeps its error for the panel. */
    const command = async <C extends TransferCommand & CommandName>(
      name: C,
      request: CommandRequest<C>,
    ): Promise<Result<unknown>> => {
      const result: Result<unknown> = await api.invoke(name, request)
      set({ transfersError: result.ok ? null : result.error })
      return result
    }

    const forgetInterrupted = (ids: readonly string[]): void => {
      const { interruptedIds } = get()
      if (!ids.some((id) => interruptedIds.has(id))) return
      const kept = new Set(interruptedIds)
      for (const id of ids) kept.delete(id)
      set({ interruptedIds: kept })
    }

    return {
      transfers: new Map(),
      transferTotals: emptyTotals,
      transfersPanelOpen: false,
      transfersError: null,
      interruptedIds: new Set(),
      lastDownloadFolder: null,
      transferSettings: null,

      loadTransfers: async () => {
        const result = await api.invoke('transfers.list', {})
        if (!result.ok) {
          set({ transfersError: result.error })
          return
        }
        const { transfers, totals } = result.value
        set((state) => {
          // Updates that came while the list was on its way are newer than the list.
          const newer = state.transfers.size > 0
          return {
            transfers: new Map([
              ...transfers.map((transfer): [string, TransferSnapshot] => [transfer.id, transfer]),
              ...state.transfers,
            ]),
            transferTotals: newer ? state.transferTotals : totals,
            interruptedIds: new Set(
              transfers.filter(({ state }) => state === 'paused').map(({ id }) => id),
            ),
          }
        })
      },

      applyTransfersUpdate: ({ changed, removed, totals }) => {
        set((state) => {
          const transfers = new Map(state.transfers)
          for (const transfer of changed) transfers.set(transfer.id, transfer)
          for (const id of removed) transfers.delete(id)
          return { transfers, transferTotals: totals }
        })
        const gone = [
          ...removed,
          ...changed.filter(({ state }) => state !== 'paused').map(({ id }) => id),
        ]
        forgetInterrupted(gone)
      },

      pauseTransfer: async (id) => void (await command('transfers.pause', { id })),
      resumeTransfer: async (id) => void (await command('transfers.resume', { id })),
      cancelTransfer: async (id) => void (await command('transfers.cancel', { id })),
      retryTransfer: async (id) => void (await command('transfers.retry', { id })),
      pauseAllTransfers: async () => void (await command('transfers.pauseAll', {})),
      resumeAllTransfers: async () => void (await command('transfers.resumeAll', {})),

      clearFinishedTransfers: async () => {
        const result = await command('transfers.clearFinished', {})
        if (!result.ok) return
        // Main reports them removed too; the list need not wait for that.
        const finished = [...get().transfers.values()].filter(({ state }) =>
          isTransferFinished(state),
        )
        if (finished.length === 0) return
        set((state) => {
          const transfers = new Map(state.transfers)
          for (const { id } of finished) transfers.delete(id)
          return { transfers }
        })
      },

      discardInterrupted: async () => {
        const result = await api.invoke('transfers.abortOrphans', {})
        if (!result.ok) {
          set({ transfersError: result.error })
          return
        }
        const { failed } = result.value
        set({
          interruptedIds: new Set(),
          transfersError:
            failed > 0
              ? {
                  code: 'SERVER_ERROR',
                  message: `${failed} interrupted upload${failed === 1 ? '' : 's'} could not be aborted; ${failed === 1 ? 'it stays' : 'they stay'} paused.`,
                }
              : null,
        })
      },

      download: async (location, entries, destination, conflict = 'keep-both') => {
        const { keys, prefixes } = selectionOf(location.bucket, entries)
        const result = await api.invoke('transfers.download', {
          accountId: location.accountId,
          bucket: location.bucket,
          keys,
          prefixes,
          destination,
          conflict,
        })
        if (!result.ok) return result.error
        set({ transfersPanelOpen: true, transfersError: null, lastDownloadFolder: destination })
        return null
      },

      setTransfersPanelOpen: (transfersPanelOpen) => set({ transfersPanelOpen }),

      loadTransferSettings: async () => {
        const result = await api.invoke('transfers.settings', {})
        if (result.ok) set({ transferSettings: result.value })
        else set({ transfersError: result.error })
      },

      changeTransferSettings: async (changes) => {
        const result = await api.invoke('transfers.settings', changes)
        if (!result.ok) return result.error
        set({ transferSettings: result.value })
        return null
      },
    }
  }
