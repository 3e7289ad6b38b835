/** The request meter (from `requests.stats`) and the request log panel, which polls while open. */
import type { DssApi } from '../../shared/contract'
import type { AppError } from '../../shared/errors'
import type { RequestLogEntry, RequestStats } from '../../shared/requests'
import type { SliceCreator } from './app-state'

/** The panel shows at most this many of the newest requests (main keeps more). */
export const REQUEST_LOG_LIMIT = 500
export const REQUEST_LOG_REFRESH_MS = 1000

export type RequestLogView =
  | { readonly state: 'closed' }
  | {
      readonly state: 'open'
      /** Whose requests `entries` are; null until the first answer. */
      readonly accountId: string | null
      /** Oldest first, as main sends them. */
      readonly entries: readonly RequestLogEntry[]
      readonly error: AppError | null
    }

export type RequestsSlice = {
  /** The latest meter reading by account id. */
  readonly requestStats: ReadonlyMap<string, RequestStats>
  readonly requestLog: RequestLogView
  applyRequestStats(stats: RequestStats): void
  /** Opens the panel for the open account and refreshes it every second until closed. */
  openRequestLog(): void
  closeRequestLog(): void
  refreshRequestLog(): Promise<void>
}

const sameEntry = (a: RequestLogEntry | undefined, b: RequestLogEntry | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.time === b.time &&
    a.method === b.method &&
    a.bucket === b.bucket &&
    a.key === b.key &&
    a.status === b.status &&
    a.durationMs === b.durationMs)

/** Keeps the old array when nothing changed, so a quiet account's table does not re-render. */
const unchangedOrNew = (
  old: readonly RequestLogEntry[],
  next: readonly RequestLogEntry[],
): readonly RequestLogEntry[] =>
  old.length === next.length && sameEntry(old[0], next[0]) && sameEntry(old.at(-1), next.at(-1))
    ? old
    : next

export const createRequestsSlice =
  (api: DssApi): SliceCreator<RequestsSlice> =>
  (set, get) => {
    let timer: ReturnType<typeof setInterval> | null = null
    let inFlight = false

    const stopPolling = (): void => {
      if (timer !== null) clearInterval(timer)
      timer = null
    }

    return {
      requestStats: new Map(),
      requestLog: { state: 'closed' },

      applyRequestStats: (stats) =>
        set((state) => ({ requestStats: new Map(state.requestStats).set(stats.accountId, stats) })),

      openRequestLog: () => {
        if (get().requestLog.state === 'open') return
        set({ requestLog: { state: 'open', accountId: null, entries: [], error: null } })
        void get().refreshRequestLog()
        timer = setInterval(() => void get().refreshRequestLog(), REQUEST_LOG_REFRESH_MS)
      },

      closeRequestLog: () => {
        stopPolling()
        set({ requestLog: { state: 'closed' } })
      },

      refreshRequestLog: async () => {
        const accountId = get().selectedAccountId
        const view = get().requestLog
        // A slow answer must not pile up behind itself, once a second.
        if (view.state !== 'open' || inFlight) return
        if (accountId === null) {
          set({ requestLog: { state: 'open', accountId: null, entries: [], error: null } })
          return
        }
        inFlight = true
        const result = await api.invoke('requests.log', { accountId }).finally(() => {
          inFlight = false
        })
        const current = get().requestLog
        // Closed meanwhile, or another account opened: this answer is about something else.
        if (current.state !== 'open' || get().selectedAccountId !== accountId) return
        if (!result.ok) {
          set({ requestLog: { ...current, error: result.error } })
          return
        }
        const newest = result.value.slice(-REQUEST_LOG_LIMIT)
        const entries =
          current.accountId === accountId ? unchangedOrNew(current.entries, newest) : newest
        if (entries === current.entries && current.error === null) return
        set({ requestLog: { state: 'open', accountId, entries, error: null } })
      },
    }
  }
