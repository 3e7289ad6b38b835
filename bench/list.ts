/**
 * `npm run bench -- list`: a 100,000-object folder listed through the gateway emulator at
 * 100 requests/second — time to first rows and to the full listing for DSS Explorer's core,
 * awscli and rclone in the same run; then the renderer's heap and scrolling frame times for the
 * 100k-row table in Chromium.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { createS3TestClient } from '../e2e/testbed/s3-test-client'
import { startTestBed } from '../e2e/testbed/test-bed'
import { runClient } from './lib/client'
import { awscli, rclone, requirePeers, type Target } from './lib/peers'
import { report, reportRatio } from './lib/report'
import { seedObjects } from './lib/seed-files'
import { measureTable } from './list-ui'

const SUITE = 'list'
const COUNT = Number(process.env.BENCH_LIST_OBJECTS ?? 100_000)
const BUCKET = 'bench'
const PREFIX = 'big/'

const ours = (target: Target) =>
  runClient<{ firstRowsMs: number; fullMs: number; objects: number }>('bench/list-client.ts', [
    JSON.stringify(target),
    BUCKET,
    PREFIX,
  ])

export const listSuite = async (): Promise<void> => {
  requirePeers()
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'bench-store-'))
  const bed = await startTestBed({ buckets: [BUCKET], rateLimit: 100 })
  try {
    const keys = Array.from(
      { length: COUNT },
      (_, index) => `${PREFIX}object-${String(index).padStart(6, '0')}.txt`,
    )
    const seedStarted = performance.now()
    await seedObjects(storeDir, BUCKET, keys)
    console.error(
      `seeded ${COUNT} objects in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    )
    const target: Target = {
      endpoint: bed.endpoint,
      caFile: bed.caFile,
      accessKeyId: bed.accessKeyId,
      secretAccessKey: bed.secretAccessKey,
    }
    const slowDowns = (): number =>
      bed.emulator.log().filter((entry) => entry.status === 503).length

    // The test server's own speed, straight to s3rver (no emulator, no rate limit): the floor
    // under every client's figure. It also warms the server's directory cache for all of them.
    const direct = createS3TestClient({
      endpoint: bed.peer.url,
      accessKeyId: bed.accessKeyId,
      secretAccessKey: bed.secretAccessKey,
    })
    const floorStarted = performance.now()
    let token: string | undefined
    do {
      const page = await direct.send(
        new ListObjectsV2Command({
          Bucket: BUCKET,
          Prefix: PREFIX,
          Delimiter: '/',
          ContinuationToken: token,
        }),
      )
      token = page.NextContinuationToken
    } while (token)
    direct.destroy()
    const floorMs = performance.now() - floorStarted
    report({
      suite: SUITE,
      metric: 'time to full listing, server alone (no gateway, no limit)',
      value: floorMs / 1000,
      unit: 's',
      tool: 's3rver',
    })
    report({
      suite: SUITE,
      metric: 'time to full listing, 100 RPS floor',
      value: Math.ceil(COUNT / 1000) / 100,
      unit: 's',
      tool: 'dss-gateway',
    })

    bed.emulator.clearLog()
    const mine = await ours(target)
    if (mine.objects !== COUNT) throw new Error(`listed ${mine.objects} of ${COUNT}`)
    report({
      suite: SUITE,
      metric: 'time to first rows',
      value: mine.firstRowsMs / 1000,
      unit: 's',
      tool: 'dss-explorer',
    })
    report({
      suite: SUITE,
      metric: 'time to full listing',
      value: mine.fullMs / 1000,
      unit: 's',
      tool: 'dss-explorer',
    })
    report({
      suite: SUITE,
      metric: '503 responses',
      value: slowDowns(),
      unit: 'count',
      tool: 'dss-explorer',
    })

    const aws = await awscli(target)
    bed.emulator.clearLog()
    const awsRun = await aws([
      's3api',
      'list-objects-v2',
      '--bucket',
      BUCKET,
      '--prefix',
      PREFIX,
      '--delimiter',
      '/',
      '--query',
      'length(Contents)',
    ])
    report({
      suite: SUITE,
      metric: 'time to full listing',
      value: awsRun.ms / 1000,
      unit: 's',
      tool: 'awscli',
    })
    report({
      suite: SUITE,
      metric: '503 responses',
      value: slowDowns(),
      unit: 'count',
      tool: 'awscli',
    })
    reportRatio(SUITE, 'time to full listing', mine.fullMs, awsRun.ms, 'awscli')

    const rc = await rclone(target)
    bed.emulator.clearLog()
    const rcRun = await rc(['lsf', `bed:${BUCKET}/${PREFIX}`])
    const rcloneCount = rcRun.stdout.trim().split('\n').length
    if (rcloneCount !== COUNT) console.error(`rclone listed ${rcloneCount} entries`)
    report({
      suite: SUITE,
      metric: 'time to full listing',
      value: rcRun.ms / 1000,
      unit: 's',
      tool: 'rclone',
    })
    report({
      suite: SUITE,
      metric: '503 responses',
      value: slowDowns(),
      unit: 'count',
      tool: 'rclone',
    })
    reportRatio(SUITE, 'time to full listing', mine.fullMs, rcRun.ms, 'rclone')

    const ui = await measureTable(target, BUCKET, PREFIX, COUNT)
    const tool = 'dss-explorer (Chromium)'
    const figures: [string, number, string][] = [
      ['UI time to first rows', ui.uiFirstRowsMs / 1000, 's'],
      ['UI time to full listing', ui.uiFullMs / 1000, 's'],
      ['renderer heap after loading', ui.heapMiB, 'MiB'],
      ['scroll frame time p95', ui.frameP95Ms, 'ms'],
      ['scroll frame time median', ui.frameMedianMs, 'ms'],
      ['rows in the DOM while scrolling (max)', ui.maxDomRows, 'rows'],
    ]
    for (const [metric, value, unit] of figures) report({ suite: SUITE, metric, value, unit, tool })
  } finally {
    await bed.stop()
    await rm(storeDir, { recursive: true, force: true })
  }
}
