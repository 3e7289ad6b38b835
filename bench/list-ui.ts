/**
 * The renderer's side of the list benchmark: the web shell (bench/ui-shell.ts, with a renderer
 * built for this run) in Chromium opens the 100k-object folder through the emulator, then we read
 * the renderer's JS heap (after a GC) and the frame times while scrolling the table from top to
 * bottom.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumArgs } from '../playwright.config'
import { startProcess } from '../e2e/processes'
import type { Target } from './lib/peers'

export type TableFigures = {
  readonly heapMiB: number
  readonly frameP95Ms: number
  readonly frameMedianMs: number
  readonly maxDomRows: number
  readonly uiFirstRowsMs: number
  readonly uiFullMs: number
}

/** Runs in the page (a string: this file is type-checked as Node code, without the DOM). */
const SCROLL_SCRIPT = `(async () => {
  const table = document.querySelector('[role="grid"][aria-label="Objects"]')
  const frames = []
  let maxRows = 0
  const duration = 5000
  await new Promise((resolve) => {
    const begin = performance.now()
    let last = begin
    const step = (now) => {
      frames.push(now - last)
      last = now
      const progress = Math.min(1, (now - begin) / duration)
      table.scrollTop = progress * (table.scrollHeight - table.clientHeight)
      maxRows = Math.max(maxRows, table.querySelectorAll('[role="row"]').length)
      if (progress < 1) requestAnimationFrame(step)
      else resolve()
    }
    requestAnimationFrame(step)
  })
  return { frames: frames.slice(1), maxRows }
})()`

/** Builds the renderer into a folder of its own (Vite, as `npm run build` does) and returns it. */
export const buildRenderer = async (): Promise<string> => {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'bench-renderer-'))
  const code = await new Promise<number | null>((resolve, reject) => {
    const vite = spawn(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    )
    vite.on('error', reject)
    vite.on('close', resolve)
  })
  if (code !== 0) throw new Error(`building the renderer failed (vite exited with ${code})`)
  return outDir
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

export const measureTable = async (
  rendererDir: string,
  target: Target,
  bucket: string,
  prefix: string,
  count: number,
): Promise<TableFigures> => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-ui-'))
  const app = await startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/ui-shell.ts', rendererDir, dataDir],
    {
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      ready: /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/,
      timeoutMs: 60_000,
    },
  ).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true })
    throw error
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(app.match[1] ?? '')
    await page.getByRole('button', { name: 'Add account', exact: true }).click()
    await page.getByRole('radio', { name: /Custom S3-compatible endpoint/ }).check()
    await page.getByLabel('Name', { exact: true }).fill('Benchmark account')
    await page.getByLabel('Endpoint', { exact: true }).fill(target.endpoint)
    await page.getByLabel('Access key', { exact: true }).fill(target.accessKeyId)
    await page.getByLabel('Secret key', { exact: true }).fill(target.secretAccessKey)
    await page.getByText('Advanced', { exact: true }).click()
    await page.getByLabel('Custom CA file', { exact: true }).fill(target.caFile)
    await page.getByRole('button', { name: 'Save and connect', exact: true }).click()
    const tree = page.getByRole('tree', { name: 'Accounts' })
    await tree.getByRole('treeitem', { name: bucket, exact: true }).click()
    const grid = page.getByRole('grid', { name: 'Objects' })
    const folder = grid.getByRole('row', { name: prefix.replace(/\/$/, ''), exact: true })
    await folder.waitFor()

    // Open the folder and time its first rows and the complete listing, as the user sees them.
    const started = Date.now()
    await folder.dblclick()
    await grid.locator('[role="row"][data-kind="object"]').first().waitFor({ timeout: 60_000 })
    const uiFirstRowsMs = Date.now() - started
    // The page's CSP forbids eval, so poll the attribute from here.
    const deadline = Date.now() + 600_000
    while ((await grid.getAttribute('aria-rowcount')) !== String(count + 1)) {
      if (Date.now() > deadline) throw new Error('the listing did not complete in 10 minutes')
      await page.waitForTimeout(50)
    }
    const uiFullMs = Date.now() - started

    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN

    // Scroll top to bottom over 5 s, one step per animation frame, recording each frame.
    // Through CDP, which the page's CSP (no eval) does not govern.
    const evaluated = await cdp.send('Runtime.evaluate', {
      expression: SCROLL_SCRIPT,
      awaitPromise: true,
      returnByValue: true,
    })
    const scroll = evaluated.result.value as { frames: number[]; maxRows: number }
    return {
      heapMiB: heap / 1024 / 1024,
      frameP95Ms: percentile(scroll.frames, 95),
      frameMedianMs: percentile(scroll.frames, 50),
      maxDomRows: scroll.maxRows,
      uiFirstRowsMs,
      uiFullMs,
    }
  } finally {
    await browser.close()
    await app.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}
