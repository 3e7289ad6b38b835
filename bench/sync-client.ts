/**
 * DSS Explorer's side of the sync benchmark, in its own process like the peers: the real core on
 * a data folder kept between runs (its saved pair and manifest) syncs a local folder up through
 * the emulator, and prints what it did as one JSON line.
 */
import { createCore } from '../electron/core/core'
import type { Comparison, SyncPair, SyncPlan, SyncRunSummary } from '../shared/sync'
import type { Target } from './lib/peers'

const [targetJson, dataDir, local, bucket, prefix] = process.argv.slice(2)
if (!targetJson || !dataDir || !local || !bucket || prefix === undefined) {
  throw new Error('usage: target dataDir localFolder bucket prefix')
}
const target = JSON.parse(targetJson) as Target

const core = createCore({
  dataDir,
  info: { version: 'bench', shell: 'web', platform: process.platform },
})
const call = async <T>(name: string, request: unknown): Promise<T> => {
  const result = await core.dispatch(name, request, { trusted: true })
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

const PAIR = 'bench'
let pair = (await call<SyncPair[]>('sync.pairs.list', {})).find((p) => p.name === PAIR)
if (!pair) {
  const { id: accountId } = await call<{ id: string }>('accounts.save', {
    draft: { name: 'bench', kind: 'custom', ...target, rateLimit: 100 },
  })
  pair = await call<SyncPair>('sync.pairs.save', {
    draft: { name: PAIR, accountId, bucket, prefix, localPath: local, direction: 'upload' },
  })
}
const comparison = await call<Comparison>('sync.compare', { pair: { pairId: pair.id } })
const plan = await call<SyncPlan>('sync.preview', { comparisonId: comparison.comparisonId })
const { runId } = await call<{ runId: string }>('sync.run', { planId: plan.planId })
const summary: SyncRunSummary = await core.sync.finished(runId)
await core.dispose()
console.log(
  JSON.stringify({
    outcome: summary.outcome,
    uploaded: summary.uploaded,
    actions: plan.actions.length,
    hashed: comparison.hashed.files,
  }),
)
process.exit(0)
