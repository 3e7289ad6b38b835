/**
 * Folder sync: saved pairs, comparisons (kept for a while so a preview needs no second listing),
 * plans, and runs in the transfer queue that survive a restart. The command handlers and the
 * command line (sync-cli.ts) both use this one service.
 */
import { randomUUID } from 'node:crypto'
import { CodedError } from '../../../shared/errors'
import type {
  Comparison,
  ParsedSyncPairDraft,
  SyncPair,
  SyncPlan,
  SyncRunSnapshot,
  SyncRunSummary,
} from '../../../shared/sync'
import type { Accounts } from '../accounts'
import type { OnSetAside } from '../atomic-file'
import type { EventBus } from '../event-bus'
import type { TransferService } from '../transfers/transfer-service'
import { runComparison, type CompareResult } from './comparer'
import { loadHashCache, type HashCache } from './hash-cache'
import { createHasher } from './hash-worker'
import { loadManifest, manifestPath, type Manifest } from './manifest'
import { createPairStore, draftProblem } from './pair-store'
import { planSync } from './plan'
import { createRunJournal, type RunRecord } from './run-journal'
import { startRun, type RunHandle } from './run-session'
import type { Trash } from './trash'

export type PairRef = { readonly pairId: string } | { readonly draft: ParsedSyncPairDraft }

export type SyncService = {
  listPairs(): Promise<SyncPair[]>
  savePair(id: string | undefined, draft: ParsedSyncPairDraft): Promise<SyncPair>
  removePair(id: string): Promise<void>
  findPair(idOrName: string): Promise<SyncPair | null>
  compare(ref: PairRef, requestId: string | null, signal?: AbortSignal): Promise<Comparison>
  preview(comparisonId: string): Promise<SyncPlan>
  run(planId: string, confirmDeletes: boolean): Promise<SyncRunSnapshot>
  runs(): Promise<SyncRunSnapshot[]>
  pause(runId: string): Promise<void>
  resume(runId: string): Promise<void>
  cancel(runId: string): Promise<void>
  /** Resolves with the run's summary when it ends. */
  finished(runId: string): Promise<SyncRunSummary>
  /** A run of this pair interrupted by a crash or quit, if any (resume it to continue). */
  interrupted(pairId: string): Promise<string | null>
  dispose(): Promise<void>
}

export type SyncServiceOptions = {
  readonly dataDir: string
  readonly accounts: Accounts
  readonly events: EventBus
  readonly transfers: TransferService
  readonly trash: Trash
  readonly onSetAside: OnSetAside
}

type Stored = {
  readonly comparison: Comparison
  readonly result: CompareResult
  readonly pair: ParsedSyncPairDraft
  readonly pairId: string | null
  readonly manifest: Manifest | null
}

/** Comparisons and plans kept for preview and run (the latest few; each holds every row). */
const KEEP = 8

const remember = <T>(map: Map<string, T>, id: string, value: T): void => {
  map.set(id, value)
  while (map.size > KEEP) map.delete(map.keys().next().value as string)
}

const gone = (what: string) =>
  new CodedError('NOT_FOUND', `That ${what} is no longer available: compare again.`)

export const createSyncService = (options: SyncServiceOptions): SyncService => {
  const { accounts, events, transfers } = options
  const pairs = createPairStore(options.dataDir, options.onSetAside)
  const journal = createRunJournal(options.dataDir, options.onSetAside)
  const hasher = createHasher()
  let cache: Promise<HashCache> | null = null
  const comparisons = new Map<string, Stored>()
  const plans = new Map<string, { plan: SyncPlan; stored: Stored }>()
  const runs = new Map<string, RunHandle>()

  const announcePairs = async () => events.emit('sync.pairsChanged', await pairs.list())

  const resolve = async (ref: PairRef) => {
    if ('pairId' in ref) {
      const { id, lastRun: _lastRun, ...pair } = await pairs.get(ref.pairId)
      return { pair, pairId: id as string | null }
    }
    const problem = draftProblem(ref.draft)
    if (problem) throw new CodedError('INVALID_REQUEST', problem)
    return { pair: ref.draft, pairId: null }
  }

  const compare: SyncService['compare'] = async (ref, requestId, signal) => {
    const { pair, pairId } = await resolve(ref)
    const connection = await accounts.connection(pair.accountId)
    const manifest = pairId
      ? await loadManifest(manifestPath(options.dataDir, pairId), options.onSetAside)
      : null
    cache ??= loadHashCache(options.dataDir, options.onSetAside)
    const settings = await transfers.settings({})
    const result = await runComparison(pair, {
      connection,
      hasher,
      cache: await cache,
      manifest,
      partSize: settings.partSize,
      signal,
      progress: (progress) => events.emit('sync.compareProgress', { ...progress, requestId }),
    })
    const comparison: Comparison = {
      comparisonId: randomUUID(),
      pairId,
      direction: pair.direction,
      groups: result.groups,
      rows: result.rows,
      local: result.local,
      remote: result.remote,
      requests: result.requests,
      hashed: result.hashed,
      manifest: manifest !== null,
      comparedAt: new Date().toISOString(),
    }
    remember(comparisons, comparison.comparisonId, { comparison, result, pair, pairId, manifest })
    return comparison
  }

  const preview: SyncService['preview'] = async (comparisonId) => {
    const stored = comparisons.get(comparisonId)
    if (!stored) throw gone('comparison')
    const connection = await accounts.connection(stored.pair.accountId)
    const settings = await transfers.settings({})
    const body = planSync({
      rows: stored.comparison.rows,
      direction: stored.pair.direction,
      manifest: stored.manifest !== null,
      local: stored.comparison.local,
      remote: stored.comparison.remote,
      maxDeletes: stored.pair.maxDeletes,
      maxDeleteShare: stored.pair.maxDeleteShare,
      rate: connection.governor.rate,
      multipartThreshold: settings.multipartThreshold,
      partSize: settings.partSize,
    })
    const plan: SyncPlan = { ...body, planId: randomUUID(), comparisonId, pairId: stored.pairId }
    remember(plans, plan.planId, { plan, stored })
    return plan
  }

  const launch = async (
    stored: Stored,
    plan: SyncPlan,
    record: RunRecord,
    resumed: boolean,
  ): Promise<RunHandle> => {
    const handle = startRun({
      record,
      plan,
      compared: stored.result,
      manifest: stored.manifest,
      resumed,
      deps: {
        dataDir: options.dataDir,
        connection: await accounts.connection(stored.pair.accountId),
        transfers,
        events,
        trash: options.trash,
        journal,
        pairs,
        onFinished: () => void announcePairs().catch(() => undefined),
      },
    })
    runs.set(record.runId, handle)
    return handle
  }

  const needsConfirmation = (plan: SyncPlan) =>
    new CodedError(
      'NEEDS_CONFIRMATION',
      plan.guards.find((guard) => guard.kind === 'too-many-deletes')?.message ??
        'This run needs confirmation.',
    )

  const handleOf = (runId: string): RunHandle => {
    const handle = runs.get(runId)
    if (!handle) throw new CodedError('NOT_FOUND', 'That sync run is no longer in the list.')
    return handle
  }

  /** Runs left unfinished by the last session come back paused. */
  const restored = (async () => {
    for (const record of await journal.load()) {
      runs.set(record.runId, {
        snapshot: () => ({
          runId: record.runId,
          planId: '',
          pairId: record.pairId,
          name: record.pair.name,
          state: 'paused',
          phase: 'transfers',
          actionsDone: 0,
          actionsTotal: 0,
          bytesDone: 0,
          bytesTotal: 0,
          failed: 0,
          summary: null,
        }),
        interrupted: record,
        pause: async () => undefined,
        resume: async () => undefined,
        async cancel() {
          // Its transfers came back paused: they are given up with it (uploads aborted).
          const { transfers: all } = await transfers.list()
          for (const transfer of all) {
            const open = transfer.state !== 'done' && transfer.state !== 'cancelled'
            if (record.batchIds.includes(transfer.batchId) && open) {
              await transfers.cancel(transfer.id).catch(() => undefined)
            }
          }
          await journal.remove(record.runId)
        },
        finished: () => Promise.reject(new CodedError('CANCELLED', 'The run was interrupted.')),
      })
    }
  })().catch(() => undefined)

  /** Continues an interrupted run: its transfers resume, the rest is compared again. */
  const continueRun = async (record: RunRecord): Promise<RunHandle> => {
    const ref = record.pairId ? { pairId: record.pairId } : { draft: record.pair }
    const comparison = await compare(ref, null)
    const plan = await preview(comparison.comparisonId)
    if (plan.needsConfirmation && !record.confirmDeletes) throw needsConfirmation(plan)
    const stored = comparisons.get(comparison.comparisonId) as Stored
    return launch(stored, plan, record, true)
  }

  return {
    listPairs: () => pairs.list(),
    async savePair(id, draft) {
      const saved = await pairs.save(id, draft)
      await announcePairs()
      return saved
    },
    async removePair(id) {
      await pairs.get(id)
      await pairs.remove(id)
      await announcePairs()
    },
    findPair: (idOrName) => pairs.find(idOrName),
    compare,
    preview,
    async run(planId, confirmDeletes) {
      await restored
      const found = plans.get(planId)
      if (!found) throw gone('preview')
      const { plan, stored } = found
      if (plan.needsConfirmation && !confirmDeletes) throw needsConfirmation(plan)
      const busy = [...runs.values()].find(
        (handle) =>
          stored.pairId !== null &&
          handle.snapshot().pairId === stored.pairId &&
          handle.snapshot().state !== 'finished',
      )
      if (busy)
        throw new CodedError(
          'INVALID_REQUEST',
          'This pair is already syncing (or waits to be resumed).',
        )
      plans.delete(planId)
      const record: RunRecord = {
        runId: randomUUID(),
        pairId: stored.pairId,
        pair: stored.pair,
        startedAt: new Date().toISOString(),
        confirmDeletes,
        batchIds: [],
      }
      return (await launch(stored, plan, record, false)).snapshot()
    },
    async runs() {
      await restored
      return [...runs.values()].map((handle) => handle.snapshot())
    },
    pause: async (runId) => handleOf(runId).pause(),
    async resume(runId) {
      await restored
      const handle = handleOf(runId)
      if (!handle.interrupted) return handle.resume()
      runs.delete(runId)
      try {
        await continueRun(handle.interrupted)
      } catch (error) {
        runs.set(runId, handle)
        throw error
      }
    },
    async cancel(runId) {
      await restored
      const handle = handleOf(runId)
      await handle.cancel()
      if (handle.interrupted) runs.delete(runId)
    },
    finished: (runId) => handleOf(runId).finished(),
    async interrupted(pairId) {
      await restored
      return (
        [...runs.values()].find((handle) => handle.interrupted?.pairId === pairId)?.interrupted
          ?.runId ?? null
      )
    },
    async dispose() {
      await restored
      await Promise.all([...runs.values()].map((handle) => handle.stop?.()))
      await hasher.close()
    },
  }
}
