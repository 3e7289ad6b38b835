/**
 * `npm run bench -- scale` (issue 13 §3): a folder of 100,000 and of 1,000,000 objects, opened
 * in the web shell in Chromium, scrolled top to bottom, sorted and filtered; the renderer's heap
 * (after a GC) and the main process's resident memory. The objects come from a synthetic
 * upstream that generates listing pages (bench/lib/synthetic-listing.ts): at this size that is
 * the point, and the output says so. Requests pass the account's governor at DSS's 100 a second.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { chromiumArgs } from '../playwright.config'
import { startProcess } from '../e2e/processes'
import { buildRenderer } from './list-ui'
import { fixed, printTable, report } from './lib/report'
import { SCALE_BUCKET, SCALE_PREFIX, startSyntheticListing } from './lib/synthetic-listing'

const SUITE = 'scale'
const SIZES = (process.env.SCALE_SIZES ?? '100000,1000000').split(',').map(Number)

/** Runs in the page through CDP (the page's CSP forbids eval, CDP is not bound by it). */
const SCROLL = `(async () => {
  const table = document.querySelector('[role="grid"][aria-label="Objects"]')
  const frames = []
  await new Promise((resolve) => {
    const begin = performance.now()
    let last = begin
    const step = (now) => {
      frames.push(now - last)
      last = now
      const progress = Math.min(1, (now - begin) / 5000)
      table.scrollTop = progress * (table.scrollHeight - table.clientHeight)
      if (progress < 1) requestAnimationFrame(step)
      else resolve()
    }
    requestAnimationFrame(step)
  })
  return frames.slice(1)
})()`

/** Time from an action to the second frame after it: the change rendered and painted. */
const timed = (action: string): string => `(async () => {
  const started = performance.now();
  ${action};
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  return performance.now() - started
})()`

const SORT_BY_SIZE = timed(
  `[...document.querySelectorAll('[role="columnheader"] button')].find((b) => b.textContent.startsWith('Size')).click()`,
)

/** Types into the filter as React sees typing: the native setter, then an input event. */
const filterTo = (text: string): string =>
  timed(`const input = document.querySelector('input[aria-label="Filter"]')
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(text)})
  input.dispatchEvent(new Event('input', { bubbles: true }))`)

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

const rssMiB = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024
}

const connect = async (page: Page, endpoint: string): Promise<void> => {
  await page.getByRole('button', { name: 'Add account', exact: true }).click()
  await page.getByRole('radio', { name: /Custom S3-compatible endpoint/ }).check()
  await page.getByLabel('Name', { exact: true }).fill('Scale')
  await page.getByLabel('Endpoint', { exact: true }).fill(endpoint)
  await page.getByLabel('Access key', { exact: true }).fill('SCALEBENCHKEY')
  await page.getByLabel('Secret key', { exact: true }).fill('scale-bench-secret')
  await page.getByRole('button', { name: 'Save and connect', exact: true }).click()
}

type ScaleFigures = {
  readonly count: number
  readonly fullMs: number
  readonly heapMiB: number
  readonly rssMiB: number
  readonly frameP95Ms: number
  readonly sortMs: number
  readonly filterMs: number
  readonly clearMs: number
  readonly requests: number
}

const measure = async (rendererDir: string, count: number): Promise<ScaleFigures> => {
  const upstream = await startSyntheticListing(count)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-scale-'))
  const app = await startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/ui-shell.ts', rendererDir, dataDir],
    {
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      ready: /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/,
      timeoutMs: 60_000,
    },
  )
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(app.match[1] ?? '')
    await connect(page, upstream.endpoint)
    await page
      .getByRole('tree', { name: 'Accounts' })
      .getByRole('treeitem', { name: SCALE_BUCKET, exact: true })
      .click()
    const grid = page.getByRole('grid', { name: 'Objects' })
    const folder = grid.getByRole('row', { name: SCALE_PREFIX.replace(/\/$/, ''), exact: true })
    await folder.waitFor()
    const started = Date.now()
    await folder.dblclick()
    const deadline = Date.now() + 900_000
    while ((await grid.getAttribute('aria-rowcount')) !== String(count + 1)) {
      if (Date.now() > deadline) throw new Error('the listing did not complete in 15 minutes')
      await page.waitForTimeout(100)
    }
    const fullMs = Date.now() - started

    const cdp = await page.context().newCDPSession(page)
    const run = async <T>(expression: string): Promise<T> => {
      const answer = await cdp.send('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      })
      if (answer.exceptionDetails) {
        throw new Error(
          `in the page: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`,
        )
      }
      return answer.result.value as T
    }
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN
    const rss = await rssMiB(app.child.pid ?? 0)
    const frames = await run<number[]>(SCROLL)
    const sortMs = await run<number>(SORT_BY_SIZE)
    // A filter that keeps one object in ten (obj-…7 names), then cleared again.
    const filterMs = await run<number>(filterTo('7'))
    const clearMs = await run<number>(filterTo(''))
    return {
      count,
      fullMs,
      heapMiB: heap / 1024 / 1024,
      rssMiB: rss,
      frameP95Ms: percentile(frames, 95),
      sortMs,
      filterMs,
      clearMs,
      requests: upstream.listRequests(),
    }
  } finally {
    await browser.close()
    await app.stop()
    await upstream.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

export const scaleSuite = async (): Promise<void> => {
  console.error('Building the renderer for this run…')
  const rendererDir = await buildRenderer()
  const rows: string[][] = []
  try {
    for (const count of SIZES) {
      console.error(`Opening a folder of ${count.toLocaleString('en-US')} objects…`)
      const f = await measure(rendererDir, count)
      const tool = 'dss-explorer (synthetic upstream)'
      const figures: readonly [string, number, string][] = [
        ['full listing in the UI', f.fullMs / 1000, 's'],
        ['listing requests', f.requests, 'requests'],
        ['renderer heap after GC', f.heapMiB, 'MiB'],
        ['main process RSS', f.rssMiB, 'MiB'],
        ['scroll frame p95', f.frameP95Ms, 'ms'],
        ['sort by size', f.sortMs, 'ms'],
        ['filter', f.filterMs, 'ms'],
        ['clear filter', f.clearMs, 'ms'],
      ]
      for (const [metric, value, unit] of figures) {
        report({ suite: SUITE, metric: `${metric} (${count} objects)`, value, unit, tool })
      }
      rows.push([
        count.toLocaleString('en-US'),
        fixed(f.fullMs / 1000, 1),
        String(f.requests),
        fixed(f.heapMiB, 0),
        fixed(f.rssMiB, 0),
        fixed(f.frameP95Ms, 1),
        fixed(f.sortMs, 0),
        fixed(f.filterMs, 0),
        fixed(f.clearMs, 0),
      ])
    }
  } finally {
    await rm(rendererDir, { recursive: true, force: true })
  }
  printTable(
    'One folder, generated by a synthetic upstream (no real S3 server at this size), 100 RPS',
    [
      'objects',
      'listed s',
      'requests',
      'heap MiB',
      'main RSS MiB',
      'scroll p95 ms',
      'sort ms',
      'filter ms',
      'clear ms',
    ],
    rows,
  )
}
