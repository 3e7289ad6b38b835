/**
 * `npm run bench -- transfers`: uploads and downloads on the RADOS Gateway through the gateway
 * emulator at 100 requests/second — 1,000 files of 4 KiB up, 1 GiB up and down, and peak memory
 * growth while uploading a 5 GiB file — by DSS Explorer's core, awscli and rclone in the same
 * run, with the 503s each received; and the server's own ceiling, awscli straight to the gateway
 * (no emulator, no limit). Each time is also given as a ratio to the ceiling and to the fastest
 * peer. The large file goes up and down BENCH_TRANSFER_RUNS times (3) by every tool in turn: its
 * figures are medians, with the spread and each tool's CPU seconds (user + sys) per GiB.
 * Sizes: BENCH_SMALL_FILES (1000), BENCH_SMALL_BYTES (4096), BENCH_LARGE_BYTES (1 GiB),
 * BENCH_HUGE_BYTES (5 GiB; 0 leaves that phase out); BENCH_TRANSFERS picks phases (small,large,huge).
 */
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import os from 'node:os'
import path from 'node:path'
import { startTestBed, type TestBed } from '../e2e/testbed/test-bed'
import { createPresignClient } from '../electron/core/share/sigv4-links'
import { runClient } from './lib/client'
import {
  measured,
  medians,
  reportCompared,
  settled,
  timed,
  type Comparison,
  type Measured,
} from './lib/compare'
import { md5File, randomFile, randomFolder, sizeLabel } from './lib/files'
import { awscli, curl, rclone, requirePeers, type Run, type Target } from './lib/peers'
import { fixed, printTable, report, type Reference } from './lib/report'
import { openStore, type Store } from './lib/store'

const SUITE = 'transfers'
const BUCKET = 'bench'
const SMALL_COUNT = Number(process.env.BENCH_SMALL_FILES ?? 1000)
const SMALL_BYTES = Number(process.env.BENCH_SMALL_BYTES ?? 4096)
const LARGE = Number(process.env.BENCH_LARGE_BYTES ?? 1024 ** 3)
const HUGE = Number(process.env.BENCH_HUGE_BYTES ?? 5 * 1024 ** 3)
const MIB = 1024 ** 2
/** Rounds of the large file up and down (each tool once a round); medians are of these. */
const RUNS = Number(process.env.BENCH_TRANSFER_RUNS ?? 3)
/** Which phases run: small, large, huge (all by default). */
const PHASES = new Set((process.env.BENCH_TRANSFERS ?? 'small,large,huge').split(','))

const CEILING = 'awscli straight to RGW'
/** Not a peer: what one stream gets through the emulator's TLS when the client only moves bytes. */
const CURL_PATH = 'curl via emulator (1 stream)'
const PEERS = ['awscli', 'rclone']

type Ours = { ms: number; bytes: number; peakRssGrowthMiB: number }

const ours = settled((target: Target, scenario: object) =>
  runClient<Ours>('bench/transfer-client.ts', [JSON.stringify(target), JSON.stringify(scenario)]),
)

type Tools = {
  readonly curl: ((args: readonly string[]) => Promise<Run>) | null
  readonly target: Target
  readonly aws: (args: readonly string[]) => Promise<Run>
  readonly rc: (args: readonly string[]) => Promise<Run>
  readonly ceiling: (args: readonly string[]) => Promise<Run>
}

/** Presigned PUT and GET URLs of one key through the emulator, for curl. */
const presigned = async (target: Target, key: string): Promise<{ put: string; get: string }> => {
  const client = createPresignClient({
    endpoint: target.endpoint,
    accessKeyId: target.accessKeyId,
    secretAccessKey: target.secretAccessKey,
  })
  try {
    const sign = (command: PutObjectCommand | GetObjectCommand) =>
      getSignedUrl(client, command, { expiresIn: 3600 })
    return {
      put: await sign(new PutObjectCommand({ Bucket: BUCKET, Key: key })),
      get: await sign(new GetObjectCommand({ Bucket: BUCKET, Key: key })),
    }
  } finally {
    client.destroy()
  }
}

const compared = (
  metric: string,
  unit: string,
  value: (ms: number) => number,
  floor?: Reference,
): Comparison => ({ suite: SUITE, metric, unit, value, peers: PEERS, ceiling: CEILING, floor })

const smallFiles = async (bed: TestBed, store: Store, tools: Tools, work: string) => {
  const label = `${SMALL_COUNT.toLocaleString('en')} × ${sizeLabel(SMALL_BYTES)} up`
  const small = path.join(work, 'small')
  await randomFolder(small, SMALL_COUNT, SMALL_BYTES)
  const awsCopy = (run: Tools['aws'], prefix: string) => async () => {
    const args = [
      's3',
      'cp',
      '--recursive',
      '--only-show-errors',
      small,
      `s3://${BUCKET}/${prefix}/`,
    ]
    return (await run(args)).ms
  }
  const runs = [
    await timed(bed, 'dss-explorer', async () => {
      const scenario = { kind: 'upload-dir', dir: small, bucket: BUCKET, prefix: 'small-ours/' }
      return (await ours(tools.target, scenario)).ms
    }),
    await timed(bed, 'awscli', awsCopy(tools.aws, 'small-aws')),
    await timed(bed, 'rclone', async () => {
      const args = ['copy', '--transfers', '16', small, `bed:${BUCKET}/small-rclone`]
      return (await tools.rc(args)).ms
    }),
    await timed(bed, CEILING, awsCopy(tools.ceiling, 'small-rgw')),
  ]
  await store.empty(BUCKET)
  await rm(small, { recursive: true, force: true })
  // One PUT per file: at 100 requests/second no client can do better.
  const floor = { name: '100 RPS floor', ms: (SMALL_COUNT / 100) * 1000 }
  report({
    suite: SUITE,
    metric: `${label} time, 100 RPS floor`,
    value: floor.ms / 1000,
    unit: 's',
    tool: 'dss-gateway',
  })
  const rows = reportCompared(
    compared(label, 'files/s', (ms) => SMALL_COUNT / (ms / 1000), floor),
    runs,
  )
  return rows.map((row) => [...row, '(1)', '–'])
}

type Work = () => Promise<{ readonly ms: number; readonly cpuMs: number }>

/** One tool's large file up, then down twice (the warm second counting), then deleted. */
const upAndDown = async (
  bed: TestBed,
  store: Store,
  tool: string,
  up: Work,
  down: Work,
): Promise<[Measured, Measured]> => {
  const upRun = await measured(bed, tool, up)
  // The first GET of a fresh object runs measurably colder, whoever sends it.
  await down()
  const downRun = await measured(bed, tool, down)
  await store.empty(BUCKET)
  return [upRun, downRun]
}

const largeFile = async (bed: TestBed, store: Store, tools: Tools, work: string) => {
  const label = sizeLabel(LARGE)
  const large = path.join(work, 'large.bin')
  await randomFile(large, LARGE)
  const largeMd5 = await md5File(large)
  const download = path.join(work, 'down')
  const fresh = async (): Promise<string> => {
    await rm(download, { recursive: true, force: true })
    await mkdir(download)
    return path.join(download, 'large.bin')
  }
  const awsLike = (tool: string, run: Tools['aws']) =>
    upAndDown(
      bed,
      store,
      tool,
      () => run(['s3', 'cp', '--only-show-errors', large, `s3://${BUCKET}/large.bin`]),
      async () => {
        const file = await fresh()
        return run(['s3', 'cp', '--only-show-errors', `s3://${BUCKET}/large.bin`, file])
      },
    )
  const viaCurl = tools.curl
  const curlUpAndDown = viaCurl
    ? [
        async () => {
          const { put, get } = await presigned(tools.target, 'large.bin')
          return upAndDown(
            bed,
            store,
            CURL_PATH,
            () => viaCurl(['-T', large, put]),
            async () => viaCurl(['-o', await fresh(), get]),
          )
        },
      ]
    : []
  const everyTool: (() => Promise<[Measured, Measured]>)[] = [
    () =>
      upAndDown(
        bed,
        store,
        'dss-explorer',
        () => {
          const scenario = { kind: 'upload-file', file: large, bucket: BUCKET, key: 'large.bin' }
          return ours(tools.target, scenario)
        },
        async () => {
          const file = await fresh()
          const scenario = {
            kind: 'download',
            bucket: BUCKET,
            key: 'large.bin',
            destination: download,
          }
          const run = await ours(tools.target, scenario)
          if ((await md5File(file)) !== largeMd5)
            throw new Error('dss-explorer: the downloaded file differs')
          return run
        },
      ),
    () => awsLike('awscli', tools.aws),
    () =>
      upAndDown(
        bed,
        store,
        'rclone',
        () => tools.rc(['copyto', large, `bed:${BUCKET}/large.bin`]),
        // A fresh folder each time: rclone skips a copy whose target looks the same.
        async () => tools.rc(['copyto', `bed:${BUCKET}/large.bin`, await fresh()]),
      ),
    () => awsLike(CEILING, tools.ceiling),
    ...curlUpAndDown,
  ]
  // Round by round, every tool once a round, so a slow spell of the machine hits all of them.
  const ups: Measured[] = []
  const downs: Measured[] = []
  for (let round = 1; round <= RUNS; round += 1) {
    console.error(`${label} up and down, round ${round} of ${RUNS}…`)
    for (const next of everyTool) {
      const [upRun, downRun] = await next()
      ups.push(upRun)
      downs.push(downRun)
    }
  }
  await rm(large, { force: true })
  await rm(download, { recursive: true, force: true })
  return [...medianRows(`${label} up`, LARGE, ups), ...medianRows(`${label} down`, LARGE, downs)]
}

/**
 * The table rows of one direction: each tool's median with its ratios (reportCompared), then
 * the spread of its rate over the runs and its CPU seconds per GiB, also reported as figures.
 */
const medianRows = (metric: string, bytes: number, runs: readonly Measured[]): string[][] => {
  const rate = (ms: number) => bytes / MIB / (ms / 1000)
  const summaries = medians(runs)
  const rows = reportCompared(compared(`${metric} (median)`, 'MiB/s', rate), summaries)
  return rows.map((row, at) => {
    const summary = summaries[at]
    if (!summary) return row
    const cpuPerGiB = summary.cpuMs / 1000 / (bytes / 1024 ** 3)
    const tool = summary.tool
    report({
      suite: SUITE,
      metric: `${metric}: slowest run`,
      value: rate(summary.slowestMs),
      unit: 'MiB/s',
      tool,
    })
    report({
      suite: SUITE,
      metric: `${metric}: fastest run`,
      value: rate(summary.fastestMs),
      unit: 'MiB/s',
      tool,
    })
    report({
      suite: SUITE,
      metric: `${metric}: CPU per GiB (user + sys)`,
      value: cpuPerGiB,
      unit: 's',
      tool,
    })
    const spread = `${fixed(rate(summary.slowestMs), 0)}–${fixed(rate(summary.fastestMs), 0)}`
    return [...row, `${spread} (${summary.runs})`, fixed(cpuPerGiB)]
  })
}

const hugeFile = async (bed: TestBed, store: Store, tools: Tools, work: string) => {
  const { bytes, why } = store.fit(HUGE)
  if (bytes < HUGE) {
    console.error(
      `The ${sizeLabel(HUGE)} upload does not fit here (${why}): ` +
        (bytes > 0 ? `uploading ${sizeLabel(bytes)} instead.` : 'leaving it out.'),
    )
  }
  if (bytes <= 0) return
  // Sparse: its bytes do not matter here, only what the upload holds in memory.
  const huge = path.join(work, 'huge.bin')
  await writeFile(huge, '')
  await truncate(huge, bytes)
  const scenario = { kind: 'upload-file', file: huge, bucket: BUCKET, key: 'huge.bin' }
  const run = await ours(tools.target, scenario)
  await store.empty(BUCKET)
  await rm(huge, { force: true })
  const tool = 'dss-explorer'
  const label = sizeLabel(bytes)
  report({
    suite: SUITE,
    metric: `peak RSS growth uploading ${label}`,
    value: run.peakRssGrowthMiB,
    unit: 'MiB',
    tool,
  })
  report({
    suite: SUITE,
    metric: `${label} up`,
    value: bytes / MIB / (run.ms / 1000),
    unit: 'MiB/s',
    tool,
  })
  console.error(
    `${label} up by dss-explorer: ${fixed(bytes / MIB / (run.ms / 1000), 1)} MiB/s, ` +
      `peak RSS growth ${fixed(run.peakRssGrowthMiB, 0)} MiB\n`,
  )
}

export const transfersSuite = async (): Promise<void> => {
  requirePeers()
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-transfers-'))
  const bed = await startTestBed({ buckets: [BUCKET], rateLimit: 100 })
  const store = await openStore(bed).catch(async (error: unknown) => {
    await bed.stop()
    throw error
  })
  try {
    const target: Target = {
      endpoint: bed.endpoint,
      caFile: bed.caFile,
      accessKeyId: bed.accessKeyId,
      secretAccessKey: bed.secretAccessKey,
    }
    const viaCurl = curl(target.caFile)
    const tools: Tools = {
      target,
      curl: viaCurl ? settled(viaCurl) : null,
      aws: settled(await awscli(target)),
      rc: settled(await rclone(target)),
      ceiling: settled(
        await awscli({
          endpoint: bed.peer.url,
          accessKeyId: bed.accessKeyId,
          secretAccessKey: bed.secretAccessKey,
        }),
      ),
    }
    const rows = [
      ...(PHASES.has('small') ? await smallFiles(bed, store, tools, work) : []),
      ...(PHASES.has('large') ? await largeFile(bed, store, tools, work) : []),
    ]
    printTable(
      'Transfers (ratios are times: above 1 is slower than the reference; ' +
        "large files: the median of each tool's runs, its spread as MiB/s slowest–fastest)",
      [
        'metric',
        'tool',
        'rate',
        's',
        '503s',
        'requests',
        '÷ floor',
        '÷ ceiling',
        '÷ fastest peer',
        'spread (runs)',
        'CPU s/GiB',
      ],
      rows,
      2,
    )
    if (PHASES.has('huge')) await hugeFile(bed, store, tools, work)
  } finally {
    await store.release()
    await bed.stop()
    await rm(work, { recursive: true, force: true })
  }
}
