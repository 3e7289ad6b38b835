/** Handlers for the `sync.*` commands: thin wrappers around the sync service. */
import type { Cancellations } from '../cancellations'
import type { Handlers } from '../dispatcher'
import type { SyncService } from './sync-service'

type SyncCommands = Extract<keyof Handlers, `sync.${string}`>

export const createSyncHandlers = (
  sync: SyncService,
  cancellations: Cancellations,
): Pick<Handlers, SyncCommands> => ({
  'sync.pairs.list': () => sync.listPairs(),
  'sync.pairs.save': ({ id, draft }) => sync.savePair(id, draft),
  'sync.pairs.remove': async ({ id }) => {
    await sync.removePair(id)
    return null
  },
  'sync.compare': ({ pair, requestId }) =>
    cancellations.run(requestId, (signal) => sync.compare(pair, requestId ?? null, signal)),
  'sync.preview': ({ comparisonId }) => sync.preview(comparisonId),
  'sync.run': ({ planId, confirmDeletes }) => sync.run(planId, confirmDeletes),
  'sync.runs': () => sync.runs(),
  'sync.pause': async ({ runId }) => {
    await sync.pause(runId)
    return null
  },
  'sync.resume': async ({ runId }) => {
    await sync.resume(runId)
    return null
  },
  'sync.cancel': async ({ runId }) => {
    await sync.cancel(runId)
    return null
  },
})
