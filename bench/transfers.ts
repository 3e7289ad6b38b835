/**
 * `npm run bench -- transfers`: uploads and downloads through the gateway emulator at 100
 * requests/second — 1,000 files of 4 KiB, 1 GiB up and down, and peak memory growth while
 * uploading a 5 GiB file — by DSS Explorer's core, awscli and rclone in the same run, with the
 * 503s each received. Sizes: BENCH_LARGE_BYTES (default 1 GiB), BENCH_HUGE_BYTES (default 5 GiB).
 */
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, open, rm, truncate, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startTestBed, type TestBed } from '../e2e/testbed/test-bed'
import { awscli, rclone, requirePeers, type Target } from './lib/peers'
import { runClient } from './lib/client'
import { report, reportRatio } from './lib/report'

const SUITE = 'transfers'
const SMALL_COUNT = 1000
const SMALL_BYTES = 4096
const LARGE = Number(process.env.BENCH_LARGE_BYTES ?? 1024 ** 3)
const HUGE = Number(process.env.BENCH_HUGE_BYTES ?? 5 * 1024 ** 3)
const MIB = 1024 ** 2

type Ours = { ms: number; bytes: number; peakRssGrowthMiB: number }

const runOurs = (target: Target, scenario: object) =>
  runClient<Ours>('bench/transfer-client.ts', [JSON.stringify(target), JSON.stringify(scenario)])

/**
 * Every measured run starts with the disk settled: `sync` flushes what earlier runs wrote (a
 * 1 GiB upload leaves a gigabyte of dirty pages), so no tool pays for another's writes.
 */
const settled =
  <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
  (...args: A): Promise<R> => {
    spawnSync('sync')
    return run(...args)
  }

const ours = settled(runOurs)

/** The fastest of `times` timed runs (ms). */
const fasterOf = async (times: number, run: (attempt: number) => Promise<number>) => {
  let best = Infinity
  for (let attempt = 0; attempt < times; attempt += 1) best = Math.min(best, await run(attempt))
  return best
}

const md5File = (file: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('md5')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })

/** A file of random bytes, written a MiB at a time. */
const randomFile = async (file: string, size: number): Promise<void> => {
  const handle = await open(file, 'w')
  for (let written = 0; written < size; written += MIB)
    await handle.write(randomBytes(Math.min(MIB, size - written)))
  await handle.close()
}

const counter = (bed: TestBed) => {
  bed.emulator.clearLog()
  return () => bed.emulator.log().filter((entry) => entry.status === 503).length
}

export const transfersSuite = async (): Promise<void> => {
  requirePeers()
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-transfers-'))
  const bed = await startTestBed({ buckets: ['bench'], rateLimit: 100 })
  const target: Target = {
    endpoint: bed.endpoint,
    caFile: bed.caFile,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  }
  const aws = settled(await awscli(target))
  const rc = settled(await rclone(target))
  try {
    // 1,000 small files.
    const small = path.join(work, 'small')
    await mkdir(small)
    for (let index = 0; index < SMALL_COUNT; index += 1) {
      await writeFile(
        path.join(small, `file-${String(index).padStart(4, '0')}.bin`),
        randomBytes(SMALL_BYTES),
      )
    }
    const results: Record<string, { seconds: number; slowDowns: number }> = {}
    let slowDowns = counter(bed)
    const mine = await ours(target, {
      kind: 'upload-dir',
      dir: small,
      bucket: 'bench',
      prefix: 'small-ours/',
    })
    results.ours = { seconds: mine.ms / 1000, slowDowns: slowDowns() }
    slowDowns = counter(bed)
    const awsSmall = await aws([
      's3',
      'cp',
      '--recursive',
      '--only-show-errors',
      small,
      's3://bench/small-aws/',
    ])
    results.awscli = { seconds: awsSmall.ms / 1000, slowDowns: slowDowns() }
    slowDowns = counter(bed)
    const rcSmall = await rc(['copy', '--transfers', '16', small, 'bed:bench/small-rclone'])
    results.rclone = { seconds: rcSmall.ms / 1000, slowDowns: slowDowns() }
    for (const [tool, figures] of Object.entries(results)) {
      const name = tool === 'ours' ? 'dss-explorer' : tool
      report({
        suite: SUITE,
        metric: '1,000 × 4 KiB up',
        value: SMALL_COUNT / figures.seconds,
        unit: 'files/s',
        tool: name,
      })
      report({
        suite: SUITE,
        metric: '1,000 × 4 KiB up: 503 responses',
        value: figures.slowDowns,
        unit: 'count',
        tool: name,
      })
    }
    reportRatio(
      SUITE,
      '1,000 × 4 KiB up (files/s)',
      1 / results.ours.seconds,
      1 / (results.awscli?.seconds ?? 1),
      'awscli',
    )
    reportRatio(
      SUITE,
      '1,000 × 4 KiB up (files/s)',
      1 / results.ours.seconds,
      1 / (results.rclone?.seconds ?? 1),
      'rclone',
    )

    // One large file up, then down; MD5s compared.
    const large = path.join(work, 'large.bin')
    await randomFile(large, LARGE)
    const largeMd5 = await md5File(large)
    const sizeMiB = LARGE / MIB
    const upDown: [string, number, number, number][] = []
    slowDowns = counter(bed)
    const upOurs = await ours(target, {
      kind: 'upload-file',
      file: large,
      bucket: 'bench',
      key: 'large-ours.bin',
    })
    // Every tool's download is timed twice, the faster run counting: the first GET of a fresh
    // object through the in-process emulator runs measurably colder, whoever sends it.
    const downOurs = await fasterOf(2, async (run) => {
      const dir = path.join(work, `down-ours-${run}`)
      await mkdir(dir)
      const { ms } = await ours(target, {
        kind: 'download',
        bucket: 'bench',
        key: 'large-ours.bin',
        destination: dir,
      })
      if ((await md5File(path.join(dir, 'large-ours.bin'))) !== largeMd5)
        throw new Error('dss-explorer: the downloaded file differs')
      await rm(dir, { recursive: true, force: true })
      return ms
    })
    upDown.push(['dss-explorer', upOurs.ms, downOurs, slowDowns()])
    slowDowns = counter(bed)
    const upAws = await aws(['s3', 'cp', '--only-show-errors', large, 's3://bench/large-aws.bin'])
    const downAws = await fasterOf(2, async () => {
      const file = path.join(work, 'down-aws.bin')
      await rm(file, { force: true })
      const args = ['s3', 'cp', '--only-show-errors', 's3://bench/large-aws.bin', file]
      return (await aws(args)).ms
    })
    upDown.push(['awscli', upAws.ms, downAws, slowDowns()])
    slowDowns = counter(bed)
    const upRc = await rc(['copyto', large, 'bed:bench/large-rclone.bin'])
    const downRc = await fasterOf(2, async () => {
      const file = path.join(work, 'down-rclone.bin')
      // rclone skips a copy whose target looks the same: each run starts without one.
      await rm(file, { force: true })
      return (await rc(['copyto', 'bed:bench/large-rclone.bin', file])).ms
    })
    upDown.push(['rclone', upRc.ms, downRc, slowDowns()])
    for (const [tool, up, down, throttled] of upDown) {
      report({
        suite: SUITE,
        metric: `${sizeMiB} MiB up`,
        value: sizeMiB / (up / 1000),
        unit: 'MiB/s',
        tool,
      })
      report({
        suite: SUITE,
        metric: `${sizeMiB} MiB down`,
        value: sizeMiB / (down / 1000),
        unit: 'MiB/s',
        tool,
      })
      report({
        suite: SUITE,
        metric: `${sizeMiB} MiB up and down: 503 responses`,
        value: throttled,
        unit: 'count',
        tool,
      })
    }
    const [, oursUp, oursDown] = upDown[0] ?? ['', 1, 1]
    for (const [tool, up, down] of upDown.slice(1)) {
      reportRatio(SUITE, `${sizeMiB} MiB up (MiB/s)`, 1 / oursUp, 1 / up, tool)
      reportRatio(SUITE, `${sizeMiB} MiB down (MiB/s)`, 1 / oursDown, 1 / down, tool)
    }
    await rm(path.join(work, 'down-aws.bin'), { force: true })
    await rm(path.join(work, 'down-rclone.bin'), { force: true })

    // Memory while uploading a huge file (sparse: its bytes do not matter here).
    const huge = path.join(work, 'huge.bin')
    await writeFile(huge, '')
    await truncate(huge, HUGE)
    const hugeRun = await ours(target, {
      kind: 'upload-file',
      file: huge,
      bucket: 'bench',
      key: 'huge.bin',
    })
    report({
      suite: SUITE,
      metric: `peak RSS growth uploading ${HUGE / 1024 ** 3} GiB`,
      value: hugeRun.peakRssGrowthMiB,
      unit: 'MiB',
      tool: 'dss-explorer',
    })
    report({
      suite: SUITE,
      metric: `${HUGE / 1024 ** 3} GiB up`,
      value: HUGE / MIB / (hugeRun.ms / 1000),
      unit: 'MiB/s',
      tool: 'dss-explorer',
    })
  } finally {
    await bed.stop()
    await rm(work, { recursive: true, force: true })
  }
}
