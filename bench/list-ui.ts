/**
 * The renderer's side of the list benchmark: the web shell (bench/ui-shell.ts, with a renderer
 * built for this run) in Chromium opens the 100k-object folder through the emulator, then we read
 * the renderer's JS heap (after a GC) and the frame times while scrolling the table from top to
 * bottom.
 */
import type { Target } from './lib/peers'
import {
  connectAccount,
  evaluate,
  heapMiB,
  openFolderListed,
  openUiSession,
  recordArrivalFrames,
  percentile,
  scrollTable,
} from './lib/ui-session'

export { buildRenderer } from './lib/ui-session'

export type TableFigures = {
  readonly heapMiB: number
  readonly frameP95Ms: number
  readonly frameMedianMs: number
  readonly maxDomRows: number
  /** Frames from the first object row shown until every row is counted. */
  readonly arrivalP95Ms: number
  readonly uiFirstRowsMs: number
  readonly uiFullMs: number
}

export const measureTable = async (
  rendererDir: string,
  target: Target,
  bucket: string,
  prefix: string,
  count: number,
): Promise<TableFigures> => {
  const session = await openUiSession(rendererDir)
  try {
    const { page } = session
    await connectAccount(page, { name: 'Benchmark account', ...target })
    const cdp = await page.context().newCDPSession(page)
    await evaluate(cdp, recordArrivalFrames(count))
    const listed = await openFolderListed(page, { bucket, prefix, count }, 600_000)
    const arrival = await evaluate<number[]>(cdp, 'window.__arrivalFrames')
    const heap = await heapMiB(cdp)
    const scroll = await scrollTable(cdp)
    return {
      heapMiB: heap,
      frameP95Ms: percentile(scroll.frames, 95),
      frameMedianMs: percentile(scroll.frames, 50),
      maxDomRows: scroll.maxRows,
      arrivalP95Ms: percentile(arrival, 95),
      uiFirstRowsMs: listed.firstRowsMs,
      uiFullMs: listed.fullMs,
    }
  } finally {
    await session.stop()
  }
}
