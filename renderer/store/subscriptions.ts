import type { DssApi } from '../../shared/contract'
import { applyAccountList } from './accounts-slice'
import type { AppStore } from './create-app-store'

/**
 * Wires main's events into the store, once, outside React, and loads the first data.
 * Returns a function that undoes the subscriptions (used by tests).
 */
export const startSubscriptions = (store: AppStore, api: DssApi): (() => void) => {
  const unsubscribe = [
    api.on('accounts.changed', (accounts) =>
      store.setState((state) => applyAccountList(state, accounts)),
    ),
    api.on('sandbox.status', (status) => store.getState().applySandboxStatus(status)),
    api.on('jobs.updated', (job) => store.getState().applyJobUpdate(job)),
    api.on('requests.stats', (stats) => store.getState().applyRequestStats(stats)),
    api.on('transfers.updated', (update) => store.getState().applyTransfersUpdate(update)),
    api.on('shares.changed', (change) => store.getState().applySharesChanged(change)),
    api.on('app.notice', (notice) => store.getState().showAppNotice(notice)),
    api.on('objects.changed', (change) => {
      store.getState().applyObjectsChanged(change)
      store.getState().invalidateFolders(change)
    }),
  ]
  void store.getState().loadAccounts()
  void store.getState().loadJobs()
  void store.getState().loadTransfers()
  void store.getState().loadAppInfo()
  return () => {
    unsubscribe.forEach((stop) => stop())
    // The request log polls on a timer; it must not outlive the store's wiring.
    store.getState().closeRequestLog()
  }
}
