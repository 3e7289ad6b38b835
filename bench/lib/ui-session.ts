/**
 * The UI benchmarks' shared steps: build a renderer for the run, start the web shell from source
 * (bench/ui-shell.ts) on a fresh data folder with Chromium on it, connect an account through the
 * form, open a folder and wait until every row is listed, and read the page through CDP (heap
 * after a GC, frame times while scrolling) — CDP, since the page's CSP forbids eval.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type CDPSession, type Page } from 'playwright-core'
import { chromiumArgs } from '../../playwright.config'
import { startProcess } from '../../e2e/processes'

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

export type UiSession = {
  readonly page: Page
  /** The web shell's process (its RSS is the main process's). */
  readonly pid: number
  /** Closes Chromium, stops the shell and removes its data folder. */
  stop(): Promise<void>
}

export const openUiSession = async (rendererDir: string): Promise<UiSession> => {
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
  const stop = async (): Promise<void> => {
    await browser.close()
    await app.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(app.match[1] ?? '')
    return { page, pid: app.child.pid ?? 0, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

export type AccountFields = {
  readonly name: string
  readonly endpoint: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly caFile?: string
}

/** Adds a custom S3 account through the connect form, as a user does. */
export const connectAccount = async (page: Page, account: AccountFields): Promise<void> => {
  await page.getByRole('button', { name: 'Add account', exact: true }).click()
  await page.getByRole('radio', { name: /Custom S3-compatible endpoint/ }).check()
  await page.getByLabel('Name', { exact: true }).fill(account.name)
  await page.getByLabel('Endpoint', { exact: true }).fill(account.endpoint)
  await page.getByLabel('Access key', { exact: true }).fill(account.accessKeyId)
  await page.getByLabel('Secret key', { exact: true }).fill(account.secretAccessKey)
  if (account.caFile) {
    await page.getByText('Advanced', { exact: true }).click()
    await page.getByLabel('Custom CA file', { exact: true }).fill(account.caFile)
  }
  await page.getByRole('button', { name: 'Save and connect', exact: true }).click()
}

/**
 * Records the frame times from the first object row shown until the grid counts all `count` rows:
 * the frames while pages arrive. The recording is read back as window.__arrivalFrames (a promise).
 */
export const recordArrivalFrames = (count: number): string => `(() => {
  const frames = []
  window.__arrivalFrames = new Promise((resolve) => {
    let last = null
    const step = (now) => {
      const grid = document.querySelector('[role="grid"][aria-label="Objects"]')
      if (grid?.querySelector('[role="row"][data-kind="object"]')) {
        if (last !== null) frames.push(now - last)
        last = now
      }
      if (grid?.getAttribute('aria-rowcount') === '${count + 1}') resolve(frames)
      else requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
  return true
})()`

/**
 * Times, in the page and by its own clock, a folder being opened by double-click: from the
 * double-click to the first object row in the table, and to the grid counting all `count` rows.
 * Watched by mutation observers, not polled from here: a poll through Playwright's role selectors
 * would restyle the page every 50 ms and take its CPU from the listing being timed. The figures
 * are read back as window.__listedTimes (a promise).
 */
const watchListing = (count: number, timeoutMs: number): string => `(() => {
  window.__listedTimes = new Promise((resolve, reject) => {
    let clicked = null
    let firstRows = null
    const observers = []
    const finish = (result) => {
      observers.forEach((observer) => observer.disconnect())
      clearTimeout(timer)
      resolve(result)
    }
    const timer = setTimeout(() => {
      observers.forEach((observer) => observer.disconnect())
      reject(new Error('the listing did not complete in ${Math.round(timeoutMs / 60_000)} minutes'))
    }, ${timeoutMs})
    const check = () => {
      if (clicked === null) return
      const now = performance.now()
      const grid = document.querySelector('[role="grid"][aria-label="Objects"]')
      if (!grid) return
      if (firstRows === null && grid.querySelector('[role="row"][data-kind="object"]')) {
        firstRows = now - clicked
      }
      if (firstRows !== null && grid.getAttribute('aria-rowcount') === '${count + 1}') {
        finish({ firstRowsMs: firstRows, fullMs: now - clicked })
      }
    }
    document.addEventListener('dblclick', () => { clicked ??= performance.now() }, { capture: true, once: true })
    const observer = new MutationObserver(check)
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-rowcount'] })
    observers.push(observer)
  })
  return true
})()`

/**
 * Opens `prefix` of `bucket` from the tree and table, and times its first rows and its complete
 * listing (`count` objects) as the user sees them.
 */
export const openFolderListed = async (
  page: Page,
  place: { readonly bucket: string; readonly prefix: string; readonly count: number },
  timeoutMs: number,
): Promise<{ readonly firstRowsMs: number; readonly fullMs: number }> => {
  await page
    .getByRole('tree', { name: 'Accounts' })
    .getByRole('treeitem', { name: place.bucket, exact: true })
    .click()
  const grid = page.getByRole('grid', { name: 'Objects' })
  const folder = grid.getByRole('row', { name: place.prefix.replace(/\/$/, ''), exact: true })
  await folder.waitFor()
  const cdp = await page.context().newCDPSession(page)
  try {
    await evaluate(cdp, watchListing(place.count, timeoutMs))
    await folder.dblclick()
    return await evaluate(cdp, 'window.__listedTimes')
  } finally {
    await cdp.detach()
  }
}

/** Runs an expression in the page through CDP and answers its value (awaited). */
export const evaluate = async <T>(cdp: CDPSession, expression: string): Promise<T> => {
  const answer = await cdp.send('Runtime.evaluate', {
    expression,
    awaitPromise: true,
    returnByValue: true,
  })
  if (answer.exceptionDetails) {
    const { exception, text } = answer.exceptionDetails
    throw new Error(`in the page: ${exception?.description ?? text}`)
  }
  return answer.result.value as T
}

/** The renderer's JS heap after a garbage collection, in MiB. */
export const heapMiB = async (cdp: CDPSession): Promise<number> => {
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN
  return used / 1024 / 1024
}

/** Scrolls the object table top to bottom over 5 s, a step per frame, recording each frame. */
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

export const scrollTable = (
  cdp: CDPSession,
): Promise<{ readonly frames: number[]; readonly maxRows: number }> => evaluate(cdp, SCROLL_SCRIPT)

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}
