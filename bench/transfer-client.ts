/**
 * DSS Explorer's side of the transfers benchmark, in its own process like the peers: the real
 * core uploads a folder or a file (or downloads a prefix) through the emulator and prints its
 * timing and peak memory as one JSON line.
 */
import { readdir, stat } from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createCore } from '../electron/core/core'
import type { TransfersUpdate } from '../shared/transfers'
import type { Target } from './lib/peers'

type Scenario =
  | { kind: 'upload-dir'; dir: string; bucket: string; prefix: string }
  | { kind: 'upload-file'; file: string; bucket: string; key: string }
  | { kind: 'download'; bucket: string; key: string; destination: string }

const [targetJson, scenarioJson] = process.argv.slice(2)
const target = JSON.parse(targetJson ?? '{}') as Target
const scenario = JSON.parse(scenarioJson ?? '{}') as Scenario

let peakRss = process.memoryUsage().rss
const baselineRss = peakRss
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-transfer-'))
const core = createCore({
  dataDir,
  info: { version: 'bench', shell: 'web', platform: process.platform },
})
const call = async (name: string, request: unknown): Promise<unknown> => {
  const result = await core.dispatch(name, request, { trusted: true })
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
  return result.value
}
const { id: accountId } = (await call('accounts.save', {
  draft: { name: 'bench', kind: 'custom', ...target, rateLimit: 100 },
})) as { id: string }
await call('buckets.list', { accountId })

/** Resolves when nothing is queued or running, failing on any failed transfer. */
const settled = new Promise<void>((resolve, reject) => {
  core.events.on('transfers.updated', (update: TransfersUpdate) => {
    const { counts } = update.totals
    if (counts.failed > 0) {
      const failed = update.changed.find((transfer) => transfer.state === 'failed')
      reject(new Error(`transfer failed: ${failed?.key} ${failed?.error?.message ?? ''}`))
    } else if (counts.queued + counts.running + counts.paused === 0 && counts.done > 0) resolve()
  })
})

const started = performance.now()
if (scenario.kind === 'upload-dir') {
  const names = await readdir(scenario.dir)
  await call('transfers.upload', {
    accountId,
    bucket: scenario.bucket,
    prefix: scenario.prefix,
    files: names.map((name) => ({
      source: { kind: 'path', path: path.join(scenario.dir, name) },
      relativeKey: name,
    })),
    conflict: 'overwrite',
  })
} else if (scenario.kind === 'upload-file') {
  await call('transfers.upload', {
    accountId,
    bucket: scenario.bucket,
    prefix: '',
    files: [{ source: { kind: 'path', path: scenario.file }, relativeKey: scenario.key }],
    conflict: 'overwrite',
  })
} else {
  await call('transfers.download', {
    accountId,
    bucket: scenario.bucket,
    keys: [scenario.key],
    prefixes: [],
    destination: scenario.destination,
  })
}
await settled
const ms = performance.now() - started
clearInterval(sampler)
const bytes =
  scenario.kind === 'upload-file'
    ? (await stat(scenario.file)).size
    : scenario.kind === 'upload-dir'
      ? (await readdir(scenario.dir)).length
      : 0
console.log(JSON.stringify({ ms, bytes, peakRssGrowthMiB: (peakRss - baselineRss) / 1024 / 1024 }))
await core.dispose()
await rm(dataDir, { recursive: true, force: true })
process.exit(0)
