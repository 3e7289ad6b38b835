/**
 * `npm run bench -- startup` (issue 13 §5): how long `npm start` takes to show the first bucket
 * list, and how big the renderer is. `npm start` builds, then launches the web shell; the build is
 * timed once, the launch (spawn → the sandbox's bucket list in Chromium) three times on fresh
 * data folders (the sandbox created and seeded) and three times on a kept one (every later
 * start), each reported as median and spread. Chromium is started beforehand: the browser is not
 * the app's to start. The renderer's bundle is measured as built: raw and gzip bytes.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { chromiumArgs } from '../playwright.config'
import { fixed, printTable, report } from './lib/report'

const SUITE = 'startup'
const RUNS = 3

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** Spawns the launched app on a fresh data folder; resolves with its URL and a stopper. */
const launch = async (
  dataDir: string,
): Promise<{ url: string; readyMs: number; stop: () => Promise<void> }> => {
  const started = performance.now()
  const child = spawn(process.execPath, ['dist/launch.js', '--web', '--no-open'], {
    env: { ...process.env, DSS_EXPLORER_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const found = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (found?.[1]) resolve(found[1])
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`The app exited with ${code}:\n${output}`)))
  })
  const readyMs = performance.now() - started
  return {
    url,
    readyMs,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

const bundleSizes = async (): Promise<{
  js: number
  css: number
  jsGzip: number
  cssGzip: number
}> => {
  const folder = path.join('dist', 'renderer', 'assets')
  const sizes = { js: 0, css: 0, jsGzip: 0, cssGzip: 0 }
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name)
    const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null
    if (!kind) continue
    sizes[kind] += (await stat(file)).size
    sizes[kind === 'js' ? 'jsGzip' : 'cssGzip'] += gzipSync(await readFile(file)).length
  }
  return sizes
}

export const startupSuite = async (): Promise<void> => {
  console.error('Building as npm start does (npm run build)…')
  const buildStarted = performance.now()
  const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
  if (built.status !== 0) throw new Error('The build failed.')
  const buildMs = performance.now() - buildStarted

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  })
  const ready: number[] = []
  const firstList: number[] = []
  const warmList: number[] = []
  /** One launch to the first bucket list; resolves with its time. */
  const timedLaunch = async (dataDir: string): Promise<{ readyMs: number; listMs: number }> => {
    const started = performance.now()
    const app = await launch(dataDir)
    const page = await browser.newPage()
    try {
      await page.goto(app.url)
      // The first bucket list: the built-in sandbox's, which a start with no account opens.
      await page
        .getByRole('grid', { name: 'Buckets' })
        .getByRole('row', { name: 'demo', exact: true })
        .waitFor({ timeout: 120_000 })
      return { readyMs: app.readyMs, listMs: performance.now() - started }
    } finally {
      await page.close()
      await app.stop()
    }
  }
  const kept = await mkdtemp(path.join(os.tmpdir(), 'dss-bench-startup-kept-'))
  try {
    // First runs: a fresh data folder each, so the sandbox is created and seeded every time.
    for (let run = 1; run <= RUNS; run += 1) {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-bench-startup-'))
      try {
        const { readyMs, listMs } = await timedLaunch(dataDir)
        ready.push(readyMs)
        firstList.push(listMs)
        console.error(
          `first run ${run}: server ready ${fixed(readyMs / 1000)} s, buckets ${fixed(listMs / 1000)} s`,
        )
      } finally {
        await rm(dataDir, { recursive: true, force: true })
      }
    }
    // Everyday starts: the same data folder again (the sandbox exists and is seeded).
    await timedLaunch(kept)
    for (let run = 1; run <= RUNS; run += 1) {
      const { listMs } = await timedLaunch(kept)
      warmList.push(listMs)
      console.error(`later start ${run}: buckets ${fixed(listMs / 1000)} s`)
    }
  } finally {
    await browser.close()
    await rm(kept, { recursive: true, force: true })
  }

  const sizes = await bundleSizes()
  const spread = (values: readonly number[]): string =>
    `${fixed(Math.min(...values) / 1000)}–${fixed(Math.max(...values) / 1000)}`
  const figures: readonly [string, number, string][] = [
    ['build (npm run build)', buildMs / 1000, 's'],
    ['launch to server ready, median', median(ready) / 1000, 's'],
    ['launch to first bucket list, first run, median', median(firstList) / 1000, 's'],
    ['launch to first bucket list, later starts, median', median(warmList) / 1000, 's'],
    [
      'npm start to first bucket list (build + launch median)',
      (buildMs + median(firstList)) / 1000,
      's',
    ],
    ['renderer JS', sizes.js / 1024, 'KiB'],
    ['renderer JS gzip', sizes.jsGzip / 1024, 'KiB'],
    ['renderer CSS', sizes.css / 1024, 'KiB'],
    ['renderer CSS gzip', sizes.cssGzip / 1024, 'KiB'],
  ]
  for (const [metric, value, unit] of figures) {
    report({ suite: SUITE, metric, value, unit, tool: 'dss-explorer' })
  }
  printTable(
    `Start-up (web shell; ${RUNS} first runs on fresh data folders and ${RUNS} later starts: median and spread)`,
    ['figure', 'value'],
    [
      ['npm run build', `${fixed(buildMs / 1000)} s`],
      ['launch → server ready', `${fixed(median(ready) / 1000)} s (${spread(ready)})`],
      [
        'launch → first bucket list (first run)',
        `${fixed(median(firstList) / 1000)} s (${spread(firstList)})`,
      ],
      [
        'launch → first bucket list (later starts)',
        `${fixed(median(warmList) / 1000)} s (${spread(warmList)})`,
      ],
      ['npm start → first bucket list', `${fixed((buildMs + median(firstList)) / 1000)} s`],
      [
        'renderer JS',
        `${fixed(sizes.js / 1024, 0)} KiB (${fixed(sizes.jsGzip / 1024, 0)} KiB gzip)`,
      ],
      [
        'renderer CSS',
        `${fixed(sizes.css / 1024, 0)} KiB (${fixed(sizes.cssGzip / 1024, 0)} KiB gzip)`,
      ],
    ],
  )
}
