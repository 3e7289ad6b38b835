/**
 * Folder sync in the fake API: saved pairs, a comparison of fixed rows, a plan whose deletes may
 * need confirmation, a run that reports progress and then a summary, and a local folder tree for
 * the in-app chooser. Requests are checked with the contract's schemas. Test code only.
 */
import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  EventName,
  EventPayload,
} from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { localFoldersRequest } from '../../shared/local-folders'
import type {
  Comparison,
  ComparisonRow,
  SyncPair,
  SyncPlan,
  SyncRunSnapshot,
} from '../../shared/sync'
import { comparisonGroups, syncPairDraft } from '../../shared/sync'

export type FakeSyncOptions = {
  readonly emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void
  /** The rows every comparison finds. */
  readonly rows: readonly ComparisonRow[]
  /** Deletes above which a run asks for confirmation. */
  readonly maxDeletes: number
  /** Local folders by path, the home folder first ('/home/ann'). */
  readonly folders: Readonly<Record<string, readonly string[]>>
}

type FakeSyncCommand = Extract<CommandName, `sync.${string}` | 'local.folders'>

export type FakeSyncHandlers = {
  [C in FakeSyncCommand]: (request: CommandRequest<C>) => Result<CommandResponse<C>>
}

const invalid = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'INVALID_REQUEST', message },
})

const HOME = '/home/ann'

export const createFakeSync = ({ emit, rows, maxDeletes, folders }: FakeSyncOptions) => {
  let pairs: SyncPair[] = []
  const comparisons = new Map<string, Comparison>()
  const plans = new Map<string, SyncPlan>()
  const runs = new Map<string, SyncRunSnapshot>()
  let next = 1

  const groups = () =>
    Object.fromEntries(
      comparisonGroups.map((group) => {
        const inGroup = rows.filter((row) => row.group === group)
        const bytes = inGroup.reduce(
          (sum, row) => sum + (row.local?.size ?? row.remote?.size ?? 0),
          0,
        )
        return [group, { count: inGroup.length, bytes }]
      }),
    ) as Comparison['groups']

  const side = { ok: true, files: rows.length, folders: 0, bytes: 0, error: null }

  const handlers: FakeSyncHandlers = {
    'sync.pairs.list': () => ({ ok: true, value: pairs }),
    'sync.pairs.save': ({ id, draft }) => {
      const parsed = syncPairDraft.safeParse(draft)
      if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? 'Check the pair.')
      const saved: SyncPair = {
        ...parsed.data,
        id: id ?? `pair-${next++}`,
        lastRun: pairs.find((pair) => pair.id === id)?.lastRun ?? null,
      }
      pairs = [...pairs.filter((pair) => pair.id !== saved.id), saved]
      emit('sync.pairsChanged', pairs)
      return { ok: true, value: saved }
    },
    'sync.pairs.remove': ({ id }) => {
      pairs = pairs.filter((pair) => pair.id !== id)
      emit('sync.pairsChanged', pairs)
      return { ok: true, value: null }
    },
    'sync.compare': ({ pair, requestId }) => {
      const pairId = 'pairId' in pair ? pair.pairId : null
      const found = pairs.find(({ id }) => id === pairId)
      if (pairId && !found)
        return { ok: false, error: { code: 'NOT_FOUND', message: 'No such pair.' } }
      emit('sync.compareProgress', {
        requestId: requestId ?? null,
        phase: 'hashing',
        files: 1,
        bytesDone: 5,
        bytesTotal: 10,
      })
      const comparison: Comparison = {
        comparisonId: `comparison-${next++}`,
        pairId,
        direction: found?.direction ?? 'upload',
        groups: groups(),
        rows,
        local: side,
        remote: side,
        requests: 1,
        hashed: { files: 0, bytes: 0, fromCache: 0 },
        manifest: false,
        comparedAt: new Date(0).toISOString(),
      }
      comparisons.set(comparison.comparisonId, comparison)
      return { ok: true, value: comparison }
    },
    'sync.preview': ({ comparisonId }) => {
      const comparison = comparisons.get(comparisonId)
      if (!comparison) return { ok: false, error: { code: 'NOT_FOUND', message: 'Compare again.' } }
      const deletes = rows.filter((row) => row.group === 'remote-only').length
      const uploads = rows.filter((row) => row.group === 'local-only' || row.group === 'changed')
      const needsConfirmation = comparison.direction === 'mirror-up' && deletes > maxDeletes
      const plan: SyncPlan = {
        planId: `plan-${next++}`,
        comparisonId,
        pairId: comparison.pairId,
        direction: comparison.direction,
        actions: uploads.map((row) => ({
          kind: 'upload',
          path: row.path,
          newPath: null,
          bytes: row.local?.size ?? 0,
          reason: row.reason,
        })),
        totals: {
          uploads: { files: uploads.length, bytes: 0 },
          downloads: { files: 0, bytes: 0 },
          replaces: { files: 0, bytes: 0 },
          deletes: { files: comparison.direction === 'mirror-up' ? deletes : 0, bytes: 0 },
          keptBoth: { files: 0, bytes: 0 },
          folders: 0,
        },
        requests: uploads.length + 1,
        seconds: 0.1,
        guards: [],
        needsConfirmation,
      }
      plans.set(plan.planId, plan)
      return { ok: true, value: plan }
    },
    'sync.run': ({ planId, confirmDeletes }) => {
      const plan = plans.get(planId)
      if (!plan) return { ok: false, error: { code: 'NOT_FOUND', message: 'Compare again.' } }
      if (plan.needsConfirmation && !confirmDeletes) {
        return {
          ok: false,
          error: {
            code: 'NEEDS_CONFIRMATION',
            message: `This run would delete ${plan.totals.deletes.files} files in the bucket.`,
          },
        }
      }
      const run: SyncRunSnapshot = {
        runId: `run-${next++}`,
        planId,
        pairId: plan.pairId,
        name: pairs.find(({ id }) => id === plan.pairId)?.name ?? 'Sync',
        state: 'running',
        phase: 'transfers',
        actionsDone: 0,
        actionsTotal: plan.actions.length,
        bytesDone: 0,
        bytesTotal: 0,
        failed: 0,
        summary: null,
      }
      runs.set(run.runId, run)
      return { ok: true, value: run }
    },
    'sync.runs': () => ({ ok: true, value: [...runs.values()] }),
    'sync.pause': ({ runId }) => {
      const run = runs.get(runId)
      if (run) emit('sync.runUpdated', { ...run, state: 'paused' })
      return { ok: true, value: null }
    },
    'sync.resume': ({ runId }) => {
      const run = runs.get(runId)
      if (run) emit('sync.runUpdated', { ...run, state: 'running' })
      return { ok: true, value: null }
    },
    'sync.cancel': () => ({ ok: true, value: null }),
    'local.folders': (request) => {
      const parsed = localFoldersRequest.safeParse(request)
      if (!parsed.success) return invalid('Pick a folder from the list.')
      const path = parsed.data.path ?? HOME
      const names = folders[path]
      if (!names) return invalid('Pick a folder from the list.')
      const parent = path.split('/').slice(0, -1).join('/') || '/'
      return {
        ok: true,
        value: {
          path,
          parent: path === '/' ? null : parent,
          home: HOME,
          folders: names.map((name) => ({ name, path: `${path === '/' ? '' : path}/${name}` })),
          truncated: false,
        },
      }
    },
  }

  return { handlers, runs }
}
