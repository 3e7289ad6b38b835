/**
 * `npm run bench -- scale` (issue 13 §3): a folder of 100,000 and of 1,000,000 objects, opened
 * in the web shell in Chromium, scrolled top to bottom, sorted and filtered; its first rows, the
 * frames while its pages arrive and its full listing beside the core's alone (list-client.ts); the
 * renderer's heap (after a GC) and the main process's resident memory. The objects come from a synthetic upstream that generates listing pages
 * (bench/lib/synthetic-listing.ts): at this size that is the point, and the output says so.
 * Requests pass the account's governor at DSS's 100 a second.
 */
import { readFile, rm } from 'node:fs/promises'
import { fixed, printTable, report } from './lib/report'
import { runClient } from './lib/client'
import type { SyntheticListing } from './lib/synthetic-listing'
import { SCALE_BUCKET, SCALE_PREFIX, startSyntheticListing } from './lib/synthetic-listing'
import {
  buildRenderer,
  connectAccount,
  evaluate,
  heapMiB,
  openFolderListed,
  recordArrivalFrames,
  openUiSession,
  percentile,
  scrollTable,
} from './lib/ui-session'

const SUITE = 'scale'
const SIZES = (process.env.SCALE_SIZES ?? '100000,1000000').split(',').map(Number)

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

const rssMiB = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024
}

type ScaleFigures = {
  readonly count: number
  readonly fullMs: number
  /** The same listing by the core alone, without the renderer. */
  readonly coreFullMs: number
  readonly firstRowsMs: number
  readonly arrivalP95Ms: number
  readonly heapMiB: number
  readonly rssMiB: number
  readonly frameP95Ms: number
  readonly sortMs: number
  readonly filterMs: number
  readonly clearMs: number
  readonly requests: number
}

const ACCOUNT = { accessKeyId: 'SCALEBENCHKEY', secretAccessKey: 'scale-bench-secret' }

/** The core alone listing the folder page by page, as the list suite runs it (list-client.ts). */
const coreListing = (endpoint: string) =>
  runClient<{ readonly fullMs: number; readonly objects: number }>('bench/list-client.ts', [
    JSON.stringify({ endpoint, caFile: '', ...ACCOUNT }),
    SCALE_BUCKET,
    SCALE_PREFIX,
  ])

const measureUi = async (
  rendererDir: string,
  upstream: SyntheticListing,
  count: number,
): Promise<Omit<ScaleFigures, 'coreFullMs'>> => {
  const session = await openUiSession(rendererDir)
  try {
    const { page } = session
    await connectAccount(page, {
      name: 'Scale',
      endpoint: upstream.endpoint,
      ...ACCOUNT,
    })
    const place = { bucket: SCALE_BUCKET, prefix: SCALE_PREFIX, count }
    const cdp = await page.context().newCDPSession(page)
    await evaluate(cdp, recordArrivalFrames(count))
    const { firstRowsMs, fullMs } = await openFolderListed(page, place, 900_000)
    const arrival = await evaluate<number[]>(cdp, 'window.__arrivalFrames')
    const heap = await heapMiB(cdp)
    const rss = await rssMiB(session.pid)
    const { frames } = await scrollTable(cdp)
    const sortMs = await evaluate<number>(cdp, SORT_BY_SIZE)
    // A filter that keeps one object in ten (obj-…7 names), then cleared again.
    const filterMs = await evaluate<number>(cdp, filterTo('7'))
    const clearMs = await evaluate<number>(cdp, filterTo(''))
    return {
      count,
      fullMs,
      firstRowsMs,
      arrivalP95Ms: percentile(arrival, 95),
      heapMiB: heap,
      rssMiB: rss,
      frameP95Ms: percentile(frames, 95),
      sortMs,
      filterMs,
      clearMs,
      requests: upstream.listRequests(),
    }
  } finally {
    await session.stop()
  }
}

const measure = async (rendererDir: string, count: number): Promise<ScaleFigures> => {
  const upstream = await startSyntheticListing(count)
  try {
    const ui = await measureUi(rendererDir, upstream, count)
    // After the UI, on its own: the two do not share the machine's two cores.
    const core = await coreListing(upstream.endpoint)
    if (core.objects !== count) throw new Error(`the core listed ${core.objects} of ${count}`)
    return { ...ui, coreFullMs: core.fullMs }
  } finally {
    await upstream.stop()
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
        ['first rows in the UI', f.firstRowsMs / 1000, 's'],
        ['full listing in the UI', f.fullMs / 1000, 's'],
        ['full listing by the core alone', f.coreFullMs / 1000, 's'],
        ['UI listing / core listing', f.fullMs / f.coreFullMs, 'x'],
        ['frame p95 while pages arrive', f.arrivalP95Ms, 'ms'],
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
        fixed(f.firstRowsMs / 1000, 2),
        fixed(f.fullMs / 1000, 1),
        fixed(f.coreFullMs / 1000, 1),
        fixed(f.fullMs / f.coreFullMs, 2),
        fixed(f.arrivalP95Ms, 1),
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
      'first rows s',
      'listed s',
      'core s',
      'UI/core',
      'arriving p95 ms',
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
