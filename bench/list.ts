/**
 * `npm run bench -- list`: a 100,000-object folder on the RADOS Gateway, listed by the gateway
 * alone (no emulator, no limit) and through the gateway emulator at 100 requests/second by DSS
 * Explorer's core, the UI in Chromium, awscli and rclone in the same run — time to first rows and
 * to the full listing, 503s and requests, each as a ratio to the 100 RPS floor and to the
 * fastest peer; then the renderer's heap and scrolling frame times for the 100k-row table.
 * All of it at each added latency of BENCH_LIST_LATENCIES (ms a request, default "0,100": a
 * real link's round trip, which a sequential listing pays per page). Each tool lists
 * BENCH_LIST_RUNS times (default 2), the fastest run counting. Size: BENCH_LIST_OBJECTS
 * (default 100,000).
 */
import { rm } from 'node:fs/promises'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { createS3TestClient } from '../e2e/testbed/s3-test-client'
import { startTestBed, type TestBed } from '../e2e/testbed/test-bed'
import { runClient } from './lib/client'
import { awscli, rclone, requirePeers, type Target } from './lib/peers'
import { fixed, printTable, report, reportRatio, type Reference } from './lib/report'
import { deleteObjects, seedObjects } from './lib/seed-objects'
import { buildRenderer, measureTable } from './list-ui'

const SUITE = 'list'
const COUNT = Number(process.env.BENCH_LIST_OBJECTS ?? 100_000)
const BUCKET = 'bench'
const PREFIX = 'big/'
const SEED_IN_FLIGHT = 96
/** Latency the emulator adds to each request, one table each (ms, comma-separated). */
const LATENCIES = (process.env.BENCH_LIST_LATENCIES ?? '0,100').split(',').map(Number)
/** Listings per tool; the fastest counts. */
const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 2)

type Timing = { readonly firstRowsMs: number; readonly fullMs: number }

type Listing = Timing & {
  readonly tool: string
  readonly slowDowns: number
  readonly requests: number
}

const ours = (target: Target) =>
  runClient<{ firstRowsMs: number; fullMs: number; objects: number }>('bench/list-client.ts', [
    JSON.stringify(target),
    BUCKET,
    PREFIX,
  ])

/**
 * Runs `list` RUNS times, each with a fresh emulator log, and keeps the fastest run with what it
 * sent and the 503s it received: on a shared machine one slow run says little about the tool.
 */
const throughEmulator = async <T extends Timing>(
  bed: TestBed,
  tool: string,
  list: () => Promise<T>,
): Promise<{ listing: Listing; result: T }> => {
  let best: { listing: Listing; result: T } | null = null
  for (let run = 0; run < RUNS; run += 1) {
    bed.emulator.clearLog()
    const result = await list()
    const log = bed.emulator.log()
    const slowDowns = log.filter((entry) => entry.status === 503).length
    const { firstRowsMs, fullMs } = result
    if (!best || fullMs < best.listing.fullMs) {
      best = { listing: { tool, firstRowsMs, fullMs, slowDowns, requests: log.length }, result }
    }
  }
  if (!best) throw new Error('BENCH_LIST_RUNS must be at least 1')
  return best
}

const expectCount = (tool: string, listed: number): void => {
  if (listed !== COUNT) throw new Error(`${tool} listed ${listed} of ${COUNT} objects`)
}

/**
 * The server's own speed: a sequential ListObjectsV2 walk straight to the RADOS Gateway, asking
 * what the clients ask (delimiter, url encoding). One attempt per request, so a 503 would fail
 * the run rather than hide in a retry.
 */
const walkGateway = async (bed: TestBed): Promise<Listing> => {
  const direct = createS3TestClient(
    { endpoint: bed.peer.url, accessKeyId: bed.accessKeyId, secretAccessKey: bed.secretAccessKey },
    { maxAttempts: 1 },
  )
  try {
    const started = performance.now()
    let firstRowsMs = 0
    let objects = 0
    let pages = 0
    let token: string | undefined
    do {
      const page = await direct.send(
        new ListObjectsV2Command({
          Bucket: BUCKET,
          Prefix: PREFIX,
          Delimiter: '/',
          EncodingType: 'url',
          ContinuationToken: token,
        }),
      )
      pages += 1
      objects += page.Contents?.length ?? 0
      if (pages === 1) firstRowsMs = performance.now() - started
      token = page.NextContinuationToken
    } while (token)
    const fullMs = performance.now() - started
    expectCount('RGW', objects)
    return {
      tool: 'rgw alone (no gateway, no limit)',
      firstRowsMs,
      fullMs,
      slowDowns: 0,
      requests: pages,
    }
  } finally {
    direct.destroy()
  }
}

/** Every tool through the emulator with `latencyMs` added to each request, and its table. */
const measureAt = async (
  bed: TestBed,
  target: Target,
  rendererDir: string,
  gateway: Listing,
  latencyMs: number,
): Promise<void> => {
  // Figures at 0 ms keep their names from earlier runs; others say their latency.
  const named = (metric: string): string =>
    latencyMs === 0 ? metric : `${metric}, +${latencyMs} ms a request`
  const listings: Listing[] = latencyMs === 0 ? [gateway] : []
  const core = await throughEmulator(bed, 'dss-explorer (core)', async () => {
    const mine = await ours(target)
    expectCount('dss-explorer', mine.objects)
    return mine
  })
  listings.push(core.listing)

  const aws = await awscli(target)
  const awsListing = await throughEmulator(bed, 'awscli', async () => {
    // `s3 ls` prints each page as it arrives, so its first output is its first rows.
    const run = await aws(['s3', 'ls', `s3://${BUCKET}/${PREFIX}`])
    expectCount('awscli', run.stdout.trim().split('\n').length)
    return { firstRowsMs: run.firstOutputMs, fullMs: run.ms }
  })
  listings.push(awsListing.listing)

  const rc = await rclone(target)
  const rcloneListing = await throughEmulator(bed, 'rclone', async () => {
    // rclone sorts a folder before printing it: its first rows come with the last.
    const run = await rc(['lsf', `bed:${BUCKET}/${PREFIX}`])
    expectCount('rclone', run.stdout.trim().split('\n').length)
    return { firstRowsMs: run.firstOutputMs, fullMs: run.ms }
  })
  listings.push(rcloneListing.listing)

  const ui = await throughEmulator(bed, 'dss-explorer (Chromium)', async () => {
    const table = await measureTable(rendererDir, target, BUCKET, PREFIX, COUNT)
    return { ...table, firstRowsMs: table.uiFirstRowsMs, fullMs: table.uiFullMs }
  })
  listings.push(ui.listing)

  const pages = Math.ceil(COUNT / 1000)
  const floor: Reference = { name: '100 RPS floor', ms: (pages / 100) * 1000 }
  report({
    suite: SUITE,
    metric: `time to full listing, 100 RPS floor (${pages} pages)`,
    value: floor.ms / 1000,
    unit: 's',
    tool: 'dss-gateway',
  })
  const fastest =
    awsListing.listing.fullMs <= rcloneListing.listing.fullMs
      ? awsListing.listing
      : rcloneListing.listing
  const fastestPeer: Reference = { name: `fastest peer (${fastest.tool})`, ms: fastest.fullMs }
  const rows: string[][] = []
  for (const listing of listings) {
    const { tool } = listing
    const seconds = (metric: string, ms: number) =>
      report({ suite: SUITE, metric, value: ms / 1000, unit: 's', tool })
    seconds(named('time to first rows'), listing.firstRowsMs)
    seconds(named('time to full listing'), listing.fullMs)
    report({
      suite: SUITE,
      metric: named('503 responses'),
      value: listing.slowDowns,
      unit: 'count',
      tool,
    })
    report({
      suite: SUITE,
      metric: named('requests'),
      value: listing.requests,
      unit: 'count',
      tool,
    })
    const full = named('time to full listing')
    const toFloor = reportRatio(SUITE, full, tool, listing.fullMs, floor)
    const toPeer = reportRatio(SUITE, full, tool, listing.fullMs, fastestPeer)
    rows.push([
      tool,
      fixed(listing.firstRowsMs / 1000),
      fixed(listing.fullMs / 1000),
      String(listing.slowDowns),
      String(listing.requests),
      fixed(toFloor),
      fixed(toPeer),
    ])
  }

  const table = ui.result
  const uiToCore = reportRatio(
    SUITE,
    named('time to full listing'),
    ui.listing.tool,
    ui.listing.fullMs,
    { name: 'the core alone', ms: core.listing.fullMs },
  )
  const figures: [string, number, string][] = [
    ['frame time p95 while pages arrive', table.arrivalP95Ms, 'ms'],
    ['renderer heap after loading', table.heapMiB, 'MiB'],
    ['scroll frame time p95', table.frameP95Ms, 'ms'],
    ['scroll frame time median', table.frameMedianMs, 'ms'],
    ['rows in the DOM while scrolling (max)', table.maxDomRows, 'rows'],
  ]
  for (const [metric, value, unit] of figures) {
    report({ suite: SUITE, metric: named(metric), value, unit, tool: ui.listing.tool })
  }
  console.error(
    `UI at +${latencyMs} ms: full listing ${fixed(uiToCore)}× the core's, frame p95 while ` +
      `pages arrive ${fixed(table.arrivalP95Ms, 1)} ms, heap ${fixed(table.heapMiB, 1)} MiB, ` +
      `scroll frame p95 ${fixed(table.frameP95Ms, 1)} ms (median ${fixed(table.frameMedianMs, 1)} ms)`,
  )
  printTable(
    `Listing ${COUNT} objects, +${latencyMs} ms a request (${pages} pages; floor at 100 RPS ` +
      `${fixed(floor.ms / 1000)} s; ` +
      `${RUNS === 1 ? 'one run' : `fastest of ${RUNS} runs`} per tool)`,
    ['tool', 'first rows s', 'full s', '503s', 'requests', '÷ floor', `÷ ${fastest.tool}`],
    rows,
  )
}

export const listSuite = async (): Promise<void> => {
  requirePeers()
  // Built before the test bed starts, so the build's CPU does not overlap any measurement.
  const rendererDir = await buildRenderer()
  const bed = await startTestBed({ buckets: [BUCKET], rateLimit: 100 })
  const peer = {
    url: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  }
  const keys = Array.from(
    { length: COUNT },
    (_, index) => `${PREFIX}object-${String(index).padStart(6, '0')}.txt`,
  )
  try {
    const seedStarted = performance.now()
    await seedObjects(peer, BUCKET, keys, SEED_IN_FLIGHT)
    const seedSeconds = (performance.now() - seedStarted) / 1000
    console.error(
      `seeded ${COUNT} objects with PUTs straight to RGW, ${SEED_IN_FLIGHT} in flight, in ` +
        `${seedSeconds.toFixed(1)} s (${Math.round(COUNT / seedSeconds)} PUT/s)`,
    )
    const target: Target = {
      endpoint: bed.endpoint,
      caFile: bed.caFile,
      accessKeyId: bed.accessKeyId,
      secretAccessKey: bed.secretAccessKey,
    }

    // A first walk warms the gateway's caches for everyone; the next ones are measured.
    await walkGateway(bed)
    let gateway = await walkGateway(bed)
    for (let run = 1; run < RUNS; run += 1) {
      const again = await walkGateway(bed)
      if (again.fullMs < gateway.fullMs) gateway = again
    }
    for (const latencyMs of LATENCIES) {
      bed.emulator.setFaults({ latencyMs })
      await measureAt(bed, target, rendererDir, gateway, latencyMs)
    }
    bed.emulator.setFaults({})
  } finally {
    try {
      const started = performance.now()
      await deleteObjects(peer, BUCKET, keys)
      console.error(`deleted them in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    } finally {
      await bed.stop()
      await rm(rendererDir, { recursive: true, force: true })
    }
  }
}
