/**
 * A whole-bucket search as the browser runs it: main walks the folder and sends each page's
 * matches as an `objects.searchResults` event (for this run's request id) while the command runs;
 * they are appended to the listing as they come, with how far the walk has got.
 */
import type { DssApi } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { SearchProgress, SearchSummary } from '../../shared/search'
import type { Location } from './location'
import type { Entry } from './object-entry'
import { entriesOfPage } from './object-entry'

/** How far a search has got: objects looked at and listing requests sent, and how it ended. */
export type SearchCounts = {
  readonly scanned: number
  readonly requests: number
  /** `truncated`: it stopped at the most results a search collects, before the folder's end. */
  readonly end: 'running' | 'done' | 'stopped' | 'truncated'
  /** Objects changed below the folder since: the rows may be out of date. */
  readonly stale?: true
}

export const runBucketSearch = async (
  api: Pick<DssApi, 'invoke' | 'on'>,
  request: { readonly location: Location; readonly text: string; readonly requestId: string },
  /** Each page's matches, in arrival order; false stops listening (the run is no longer wanted). */
  onPage: (rows: readonly Entry[], counts: SearchCounts) => boolean,
): Promise<Result<SearchSummary>> => {
  const { location, text, requestId } = request
  let wanted = true
  const stop = api.on('objects.searchResults', (page: SearchProgress) => {
    if (!wanted || page.requestId !== requestId) return
    const rows = entriesOfPage(
      { objects: page.matches, folders: [], nextToken: null },
      location.prefix,
      true,
    )
    wanted = onPage(rows, { scanned: page.scanned, requests: page.requests, end: 'running' })
  })
  try {
    return await api.invoke('objects.search', {
      accountId: location.accountId,
      bucket: location.bucket,
      prefix: location.prefix,
      text,
      requestId,
    })
  } finally {
    stop()
  }
}
