/**
 * One sync run, from start to its summary: recorded in the run journal before anything is sent,
 * carried out by runPlan, then the pair's manifest brought up to date (both sides as they now
 * are) and its last result saved. Progress goes out as `sync.runUpdated`, at most 5 a second.
 */
import type {
  SyncPlan,
  SyncRunOutcome,
  SyncRunSnapshot,
  SyncRunSummary,
} from '../../../shared/sync'
import type { TransferSnapshot } from '../../../shared/transfers'
import type { Connection } from '../accounts'
import type { EventBus } from '../event-bus'
import type { TransferService } from '../transfers/transfer-service'
import type { CompareResult } from './comparer'
import { scanLocal } from './local-scan'
import { manifestPath, saveManifest, type Manifest } from './manifest'
import { updatedManifest } from './manifest-update'
import type { PairStore } from './pair-store'
import { scanRemote } from './remote-scan'
import type { RunJournal, RunRecord } from './run-journal'
import { summaryMessage } from './run-summary'
import { runPlan, type RunOutcome } from './runner'
import type { Trash } from './trash'

export type RunHandle = {
  snapshot(): SyncRunSnapshot
  /** Set for a run restored from the journal, not running yet. */
  readonly interrupted?: RunRecord
  pause(): Promise<void>
  resume(): Promise<void>
  cancel(): Promise<void>
  finished(): Promise<SyncRunSummary>
  /** The app is quitting: stop following the run, keep its journal record. */
  stop?(): Promise<void>
}

export type SessionDeps = {
  readonly dataDir: string
  readonly connection: Connection
  readonly transfers: TransferService
  readonly events: EventBus
  readonly trash: Trash
  readonly journal: RunJournal
  readonly pairs: PairStore
  readonly onFinished: () => void
}

const OPEN = new Set(['queued', 'running', 'paused', 'failed'])

export const startRun = (input: {
  readonly record: RunRecord
  readonly plan: SyncPlan
  readonly compared: CompareResult
  readonly manifest: Manifest | null
  readonly resumed: boolean
  readonly deps: SessionDeps
}): RunHandle => {
  const { record, plan, deps } = input
  const controller = new AbortController()
  const bytesTotal = plan.actions.reduce((sum, action) => sum + action.bytes, 0)
  let state: SyncRunSnapshot['state'] = 'running'
  let phase: SyncRunSnapshot['phase'] = 'transfers'
  let actionsDone = 0
  let bytesDone = 0
  let failed = 0
  let summary: SyncRunSummary | null = null
  let transfers: readonly TransferSnapshot[] = []
  let lastEmit = 0
  let trailing: ReturnType<typeof setTimeout> | null = null

  const snapshot = (): SyncRunSnapshot => ({
    runId: record.runId,
    planId: plan.planId,
    pairId: record.pairId,
    name: record.pair.name,
    state,
    phase,
    actionsDone,
    actionsTotal: plan.actions.length,
    bytesDone,
    bytesTotal,
    failed,
    summary,
  })
  const emit = (force = false) => {
    const now = Date.now()
    if (trailing) clearTimeout(trailing)
    trailing = null
    if (force || now - lastEmit >= 200) {
      lastEmit = now
      deps.events.emit('sync.runUpdated', snapshot())
    } else {
      trailing = setTimeout(() => emit(true), 200 - (now - lastEmit))
    }
  }

  const afterRun = async (outcome: RunOutcome): Promise<void> => {
    if (!record.pairId) return
    phase = 'manifest'
    emit()
    const changedSomething = outcome.succeeded.size > 0
    let local = input.compared.localEntries
    let remote = input.compared.remoteEntries
    if (changedSomething) {
      // Both sides as they are now: one listing pass (1,000 keys a request), stat only.
      local = (await scanLocal(record.pair.localPath)).entries
      const listed = await scanRemote(deps.connection, record.pair.bucket, record.pair.prefix)
      remote = listed.entries
    }
    const next = updatedManifest({
      old: input.manifest,
      rows: input.compared.rows,
      succeeded: outcome.succeeded,
      local,
      remote,
    })
    await saveManifest(manifestPath(deps.dataDir, record.pairId), next)
  }

  const execute = async (): Promise<SyncRunSummary> => {
    await deps.journal.put(record)
    const restored = input.resumed
      ? (await deps.transfers.list()).transfers.filter(
          (t) => record.batchIds.includes(t.batchId) && OPEN.has(t.state),
        )
      : []
    let outcome: SyncRunOutcome = 'done'
    let result: RunOutcome | null = null
    try {
      result = await runPlan(record.pair, plan.actions, {
        connection: deps.connection,
        transfers: deps.transfers,
        events: deps.events,
        trash: deps.trash,
        signal: controller.signal,
        restored,
        localSeen: (path) => {
          const entry = input.compared.localEntries.get(path)
          return entry?.kind === 'file' ? { size: entry.size, mtimeMs: entry.mtimeMs } : null
        },
        identical: new Set(
          input.compared.rows.filter((row) => row.group === 'identical').map((row) => row.path),
        ),
        onBatch(batchId) {
          record.batchIds.push(batchId)
          void deps.journal.put(record).catch(() => undefined)
        },
        onProgress(progress) {
          phase = progress.phase
          actionsDone = progress.actionsDone
          bytesDone = progress.bytesDone
          transfers = progress.transfers
          failed = transfers.filter((t) => t.state === 'failed').length
          emit()
        },
      })
      failed = result.failures.length
      if (failed > 0) outcome = 'failed'
      await afterRun(result)
    } catch (error) {
      if (controller.signal.reason === 'shutdown') throw error
      outcome = controller.signal.aborted ? 'cancelled' : 'failed'
      if (!controller.signal.aborted) failed += 1
    }
    const figures = {
      uploaded:
        result?.uploaded ??
        transfers.filter((t) => t.kind === 'upload' && t.state === 'done').length,
      downloaded:
        result?.downloaded ??
        transfers.filter((t) => t.kind === 'download' && t.state === 'done').length,
      deleted: result?.deleted ?? 0,
      keptBoth: result?.keptBoth ?? 0,
      failed,
    }
    const finishedAt = new Date().toISOString()
    summary = {
      runId: record.runId,
      outcome,
      startedAt: record.startedAt,
      finishedAt,
      ...figures,
      bytes: result?.bytes ?? bytesDone,
      // The comparison's listings, then the run's (counted for listings, planned for transfers).
      requests: input.compared.requests + plan.requests,
      message: summaryMessage(outcome, figures, null),
    }
    state = 'finished'
    phase = 'done'
    emit(true)
    await deps.journal.remove(record.runId)
    // The run's finished files leave the transfer list with it (its summary says what it did);
    // failed ones stay there to be seen and retried.
    await deps.transfers
      .clearDone(transfers.filter((t) => t.state === 'done').map((t) => t.id))
      .catch(() => undefined)
    if (record.pairId) await deps.pairs.recordRun(record.pairId, summary).catch(() => undefined)
    deps.onFinished()
    return summary
  }

  const done = execute()
  done.catch(() => undefined)
  const open = () => transfers.filter((t) => OPEN.has(t.state))
  return {
    snapshot,
    async pause() {
      if (state !== 'running') return
      state = 'paused'
      for (const t of open()) await deps.transfers.pause(t.id).catch(() => undefined)
      emit(true)
    },
    async resume() {
      if (state !== 'paused') return
      state = 'running'
      for (const t of open()) await deps.transfers.resume(t.id).catch(() => undefined)
      emit(true)
    },
    async cancel() {
      if (state === 'finished') return
      controller.abort('cancel')
      for (const t of open()) await deps.transfers.cancel(t.id).catch(() => undefined)
      await done.catch(() => undefined)
    },
    finished: () => done,
    async stop() {
      controller.abort('shutdown')
      await done.catch(() => undefined)
    },
  }
}
