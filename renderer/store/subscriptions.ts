import { DRAG_PREPARE_MAX_KEYS, type DssApi } from '../../shared/contract'
import { isFolderKey } from '../../shared/s3-keys'
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
    api.on('sync.pairsChanged', (pairs) => store.getState().applySyncPairs(pairs)),
    api.on('sync.compareProgress', (progress) => store.getState().applyCompareProgress(progress)),
    api.on('sync.runUpdated', (run) => store.getState().applySyncRun(run)),
    api.on('edits.updated', (session) => store.getState().applyEditUpdate(session)),
    api.on('app.notice', (notice) => store.getState().showAppNotice(notice)),
    api.on('objects.changed', (change) => {
      store.getState().applyObjectsChanged(change)
      store.getState().invalidateFolders(change)
    }),
  ]
  // Electron: main fetches the selected objects ahead, so a drag out can start at once.
  const { prepareDrag } = api
  if (prepareDrag) {
    const follow = store.subscribe(({ selectedKeys, location }, previous) => {
      if (!location || selectedKeys === previous.selectedKeys) return
      const keys = [...selectedKeys].filter((key) => !isFolderKey(key))
      const { accountId, bucket } = location
      prepareDrag({ accountId, bucket, keys: keys.slice(0, DRAG_PREPARE_MAX_KEYS) })
    })
    unsubscribe.push(follow)
  }
  void store.getState().loadAccounts()
  void store.getState().loadJobs()
  void store.getState().loadTransfers()
  void store.getState().loadAppInfo()
  void store.getState().loadSyncPairs()
  void store.getState().loadSyncRuns()
  void store.getState().loadEdits()
  return () => {
    unsubscribe.forEach((stop) => stop())
    // The request log polls on a timer; it must not outlive the store's wiring.
    store.getState().closeRequestLog()
  }
}
