/**
 * `npm run bench -- sync`: a no-change re-sync of a 10,000-file folder (BENCH_SYNC_FILES) on the
 * RADOS Gateway through the gateway emulator at 100 requests/second — requests sent and seconds
 * for DSS Explorer (its saved pair: listings only, the manifest decides), `aws s3 sync`,
 * `rclone sync` (default: size and time, the time from each object's metadata) and `rclone sync
 * --checksum`, in the same run, as ratios to DSS Explorer. The folder is uploaded once by DSS
 * Explorer's first sync (so every object carries x-amz-meta-mtime, as rclone reads it).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startTestBed } from '../e2e/testbed/test-bed'
import { runClient } from './lib/client'
import { settled, timed, type Timed } from './lib/compare'
import { randomFolder } from './lib/files'
import { awscli, rclone, requirePeers, type Target } from './lib/peers'
import { fixed, printTable, report } from './lib/report'

const SUITE = 'sync'
const BUCKET = 'bench'
const PREFIX = 'tree/'
const COUNT = Number(process.env.BENCH_SYNC_FILES ?? 10_000)
const METRIC = `no-change re-sync of ${COUNT.toLocaleString('en')} files`

type Ours = { outcome: string; uploaded: number; actions: number; hashed: number }

export const syncSuite = async (): Promise<void> => {
  requirePeers()
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-sync-'))
  const bed = await startTestBed({ buckets: [BUCKET], rateLimit: 100 })
  try {
    const target: Target = {
      endpoint: bed.endpoint,
      caFile: bed.caFile,
      accessKeyId: bed.accessKeyId,
      secretAccessKey: bed.secretAccessKey,
    }
    const local = path.join(work, 'local')
    // Spread over 100 folders: a tree, not one flat folder.
    for (let folder = 0; folder < 100; folder += 1) {
      await randomFolder(path.join(local, `d${String(folder).padStart(2, '0')}`), COUNT / 100, 1024)
    }
    const dataDir = path.join(work, 'data')
    const ours = settled(() =>
      runClient<Ours>('bench/sync-client.ts', [
        JSON.stringify(target),
        dataDir,
        local,
        BUCKET,
        PREFIX,
      ]),
    )
    const first = await timed(bed, 'dss-explorer', async () => {
      const started = performance.now()
      const result = await ours()
      if (result.uploaded !== COUNT) throw new Error(`first sync uploaded ${result.uploaded}`)
      return performance.now() - started
    })
    console.error(
      `First sync by DSS Explorer: ${COUNT} files up in ${fixed(first.ms / 1000, 1)} s, ${first.requests} requests.`,
    )
    const aws = settled(await awscli(target))
    const rc = settled(await rclone(target))
    const remote = `${BUCKET}/${PREFIX}`
    const runs: Timed[] = [
      await timed(bed, 'dss-explorer', async () => {
        const started = performance.now()
        const result = await ours()
        if (result.actions !== 0) throw new Error(`the re-sync planned ${result.actions} actions`)
        return performance.now() - started
      }),
      await timed(bed, 'aws s3 sync', async () => {
        return (await aws(['s3', 'sync', '--only-show-errors', local, `s3://${remote}`])).ms
      }),
      await timed(bed, 'rclone sync', async () => (await rc(['sync', local, `bed:${remote}`])).ms),
      await timed(
        bed,
        'rclone sync --checksum',
        async () => (await rc(['sync', '--checksum', local, `bed:${remote}`])).ms,
      ),
    ]
    // Nobody may have sent anything but reads: the folder was in step.
    const ours0 = runs[0] as Timed
    const rows = runs.map((run) => {
      report({
        suite: SUITE,
        metric: `${METRIC}: requests`,
        value: run.requests,
        unit: 'count',
        tool: run.tool,
      })
      report({
        suite: SUITE,
        metric: `${METRIC} time`,
        value: run.ms / 1000,
        unit: 's',
        tool: run.tool,
      })
      const requestRatio = run.requests / Math.max(1, ours0.requests)
      const timeRatio = run.ms / ours0.ms
      report({
        suite: SUITE,
        metric: `${METRIC}: requests ÷ dss-explorer`,
        value: requestRatio,
        unit: 'x',
        tool: run.tool,
      })
      report({
        suite: SUITE,
        metric: `${METRIC} time ÷ dss-explorer`,
        value: timeRatio,
        unit: 'x',
        tool: run.tool,
      })
      return [
        run.tool,
        String(run.requests),
        fixed(run.ms / 1000),
        String(run.slowDowns),
        fixed(requestRatio, 1),
        fixed(timeRatio),
      ]
    })
    printTable(
      `Sync: ${METRIC} at 100 RPS (ratios to DSS Explorer: above 1 is more)`,
      ['tool', 'requests', 's', '503s', 'requests ÷ ours', 'time ÷ ours'],
      rows,
    )
  } finally {
    await bed.stop()
    await rm(work, { recursive: true, force: true })
  }
}
