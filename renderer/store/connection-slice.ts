/**
 * The web shell's link to the core as the window shows it, and the catch-up once it is back:
 * events sent while it was down are lost, so what they would have changed is read again.
 */
import type { Connection, ConnectionStatus } from '../api/connection-status'
import type { SliceCreator } from './app-state'
import type { AppStore } from './create-app-store'
import { nodeOf } from './tree-slice'

export type ConnectionSlice = {
  /** Always connected in Electron (nothing feeds it); the web shell's socket otherwise. */
  readonly connection: ConnectionStatus
  applyConnection(status: ConnectionStatus): void
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set, get) => {
  const catchUp = async (): Promise<void> => {
    const state = get()
    void state.loadAccounts()
    void state.loadJobs()
    void state.loadTransfers()
    void state.loadAppInfo()
    const history = state.shareHistory
    if (history) void state.loadShareHistory(history.accountId)
    // A restarted shell starts with its sandbox stopped: start it before listing it again.
    if (state.sandboxStatus.state !== 'stopped') await state.startSandbox()
    for (const accountId of get().bucketLists.keys()) void get().loadBuckets(accountId)
    for (const id of get().expandedFolders) void get().loadFolders(nodeOf(id))
    get().refreshListing()
  }

  return {
    connection: { state: 'connected' },
    applyConnection: (status) => {
      const before = get().connection.state
      set({ connection: status })
      if (status.state === 'connected' && (before === 'reconnecting' || before === 'lost')) {
        void catchUp()
      }
    },
  }
}

/** Feeds the store the link's status, once, outside React; returns the unsubscribe function. */
export const watchConnection = (store: AppStore, connection: Connection): (() => void) => {
  store.getState().applyConnection(connection.status())
  return connection.subscribe((status) => store.getState().applyConnection(status))
}
