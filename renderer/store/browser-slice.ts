/**
 * The object browser: where it is, its back/forward history, and the open folder's listing,
 * fetched a page at a time so the first rows show at once. A listing that is no longer wanted
 * (the folder changed) stops: main gives up on the page it waits for, and answers are dropped.
 */
import type { DssApi } from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import type { ObjectPage } from '../../shared/objects'
import type { SearchCost } from '../../shared/search'
import { parentPrefix } from '../../shared/s3-keys'
import type { SliceCreator } from './app-state'
import type { Location } from './location'
import { prefixesOverlap, sameLocation } from './location'
import type { Entry } from './object-entry'
import { entriesOfPage } from './object-entry'
import { createRequestIds } from './request-ids'
import { runBucketSearch, type SearchCounts } from './search-run'

export type ListingStatus =
  | { readonly state: 'loading' }
  | { readonly state: 'complete' }
  | { readonly state: 'failed'; readonly error: AppError }

export type Listing = {
  /** New for every listing that is not an append of pages to the previous one. */
  readonly id: number
  readonly location: Location
  /** The text of a bucket search below the folder (keys containing it anywhere), or null. */
  readonly search: string | null
  /** A search's progress: objects looked at, requests sent, how it ended. */
  readonly searched?: SearchCounts
  readonly entries: readonly Entry[]
  readonly status: ListingStatus
  /** While a refresh collects the new rows (how many so far), the old ones stay on screen. */
  readonly refreshed: number | null
}

export type History = { readonly back: readonly Location[]; readonly forward: readonly Location[] }

export type BrowserSlice = {
  readonly location: Location | null
  readonly history: History
  readonly listing: Listing | null
  /** Opens a bucket folder, remembering where the browser was for Back. */
  openLocation(location: Location): void
  goBack(): void
  goForward(): void
  goUp(): void
  /** Leaves the browser for the account's bucket list. */
  closeBrowser(): void
  /** Lists again: in the background when the listing is complete, else from the start. */
  refreshListing(): void
  /**
   * Searches every key below the open folder for `text` anywhere in it (a walk of the whole
   * folder, its matches shown as pages arrive); null returns to the folder.
   */
  searchBucket(text: string | null): void
  /** What a search below the open folder costs, before it is run. */
  searchCost(): Promise<Result<SearchCost>>
  /** Gives up on a running search, keeping what it found. */
  stopSearch(): void
  /** Refreshes the listing soon when a change under `prefix` can alter it. */
  applyObjectsChanged(change: Location): void
}

const noHistory: History = { back: [], forward: [] }

/** The prefix a listing covers (a search looks at everything below its folder). */
export const listedPrefix = (listing: Pick<Listing, 'location' | 'search'>): string =>
  listing.location.prefix

/**
 * A page's answer, failed when it hands back the token it was asked with: a server doing that
 * would make the page loop endless.
 */
export const checkedPage = (
  result: Result<ObjectPage>,
  token: string | null,
): Result<ObjectPage> =>
  result.ok && result.value.nextToken !== null && result.value.nextToken === token
    ? {
        ok: false,
        error: {
          code: 'SERVER_ERROR',
          message: 'The server sent the same page of the listing twice; listing stopped there.',
        },
      }
    : result

// Changes often come in bursts (a job touches several folders): one refresh covers them.
const REFRESH_DELAY_MS = 100

/** A search is run again after a change by itself only if its last walk took at most this. */
export const RESEARCH_MAX_REQUESTS = 20

/**
 * Entries main may hand back in one answer: what its listing has read ahead, several requests'
 * worth, so a long folder costs tens of round trips to main rather than one per 1,000 entries.
 */
export const ENTRIES_PER_ANSWER = 5000

/** While a listing arrives, new rows are shown at most this often (the first page at once). */
export const SHOW_ROWS_EVERY_MS = 250

export const createBrowserSlice =
  (api: DssApi): SliceCreator<BrowserSlice> =>
  (set, get) => {
    let listings = 0
    // The run whose answers are still wanted; any other run stops at its next page.
    let currentRun = 0
    let refreshTimer: ReturnType<typeof setTimeout> | null = null
    const requestId = createRequestIds()
    /** The page request of the current run while it waits for main, so a new run can stop it. */
    let pending: string | null = null

    /** Main gives up on the page the last run waits for (a slow server keeps no one waiting). */
    const stopPending = (): void => {
      if (pending !== null) void api.invoke('requests.cancel', { requestId: pending })
      pending = null
    }

    /** A search: its matches appended as main sends them, then how it ended. */
    const runSearch = async (listing: Listing, text: string, runId: number): Promise<void> => {
      const id = requestId('search')
      pending = id
      const result = await runBucketSearch(
        api,
        { location: listing.location, text, requestId: id },
        (rows, searched) => {
          const current = get().listing
          if (runId !== currentRun || current === null) return false
          set({ listing: { ...current, entries: current.entries.concat(rows), searched } })
          return true
        },
      )
      if (pending === id) pending = null
      const current = get().listing
      if (runId !== currentRun || current === null) return
      if (result.ok) {
        const { scanned, requests, truncated } = result.value
        set({
          listing: {
            ...current,
            status: { state: 'complete' },
            searched: { scanned, requests, end: truncated ? 'truncated' : 'done' },
          },
        })
      } else if (result.error.code === 'CANCELLED') {
        const searched = current.searched ?? { scanned: 0, requests: 0, end: 'stopped' }
        set({
          listing: {
            ...current,
            status: { state: 'complete' },
            searched: { ...searched, end: 'stopped' },
          },
        })
      } else {
        set({ listing: { ...current, status: { state: 'failed', error: result.error } } })
      }
    }

    const run = async (listing: Listing, background: boolean): Promise<void> => {
      stopPending()
      const runId = ++currentRun
      const { location, search } = listing
      if (search !== null) return runSearch(listing, search, runId)
      const collected: Entry[] = []
      /** Rows listed but not shown yet, and when rows were last shown (0: never). */
      let unshown: Entry[] = []
      let shownAt = 0
      /** Asks main for the page after `token`; the run's pending request from then on. */
      const ask = (token: string | null) => {
        const id = requestId('list')
        pending = id
        const answer: Promise<Result<ObjectPage>> = api.invoke('objects.list', {
          accountId: location.accountId,
          bucket: location.bucket,
          prefix: listedPrefix(listing),
          recursive: search !== null,
          continuationToken: token,
          maxKeys: 1000,
          maxEntries: ENTRIES_PER_ANSWER,
          requestId: id,
        })
        return { id, token, answer }
      }
      let next = ask(null)
      let token: string | null = null
      do {
        const { id, answer } = next
        const result = await answer
        if (pending === id) pending = null
        if (runId !== currentRun) return
        const current = get().listing
        if (current === null) return
        const page = checkedPage(result, next.token)
        if (!page.ok) {
          set({
            listing: {
              ...current,
              entries: unshown.length > 0 ? current.entries.concat(unshown) : current.entries,
              status: { state: 'failed', error: page.error },
              refreshed: null,
            },
          })
          return
        }
        token = page.value.nextToken
        // The next answer is on its way while this one's rows are taken in.
        if (token !== null) next = ask(token)
        const rows = entriesOfPage(page.value, location.prefix, search !== null)
        if (background) {
          collected.push(...rows)
          if (token !== null) set({ listing: { ...current, refreshed: collected.length } })
        } else {
          for (const row of rows) unshown.push(row)
          const now = performance.now()
          // The first rows at once, then at most a few times a second: showing rows costs a pass
          // over all of them (append, sorted merge, counts), so 1,000 pages must not cost 1,000.
          if (token === null || shownAt === 0 || now - shownAt >= SHOW_ROWS_EVERY_MS) {
            set({
              listing: {
                ...current,
                entries: current.entries.concat(unshown),
                status: token === null ? { state: 'complete' } : { state: 'loading' },
              },
            })
            unshown = []
            shownAt = now
          }
        }
      } while (token !== null)
      if (!background) return
      const current = get().listing
      if (!current) return
      const keys = new Set(collected.map((entry) => entry.key))
      const kept = [...get().selectedKeys].filter((key) => keys.has(key))
      set({
        listing: {
          ...current,
          id: ++listings,
          entries: collected,
          status: { state: 'complete' },
          refreshed: null,
        },
        selectedKeys: kept.length === get().selectedKeys.size ? get().selectedKeys : new Set(kept),
      })
    }

    /** Starts a fresh listing of `location` (and search), dropping rows, selection and filter. */
    const startListing = (location: Location, search: string | null): void => {
      if (refreshTimer !== null) clearTimeout(refreshTimer)
      refreshTimer = null
      const listing: Listing = {
        id: ++listings,
        location,
        search,
        entries: [],
        status: { state: 'loading' },
        refreshed: null,
      }
      set({
        listing,
        selectedKeys: new Set(),
        anchorKey: null,
        focusKey: null,
        ...(search === null ? { filterText: '' } : {}),
      })
      void run(listing, false)
    }

    const go = (location: Location, history: History): void => {
      set({
        location,
        history,
        selectedAccountId: location.accountId,
        editor: { mode: 'closed' },
      })
      startListing(location, null)
    }

    return {
      location: null,
      history: noHistory,
      listing: null,

      openLocation: (location) => {
        const { location: current, history } = get()
        if (sameLocation(current, location)) {
          if (get().listing?.search !== null) startListing(location, null)
          return
        }
        go(location, {
          back: current ? [...history.back, current] : history.back,
          forward: [],
        })
      },

      goBack: () => {
        const { location, history } = get()
        const previous = history.back.at(-1)
        if (!previous) return
        go(previous, {
          back: history.back.slice(0, -1),
          forward: location ? [location, ...history.forward] : history.forward,
        })
      },

      goForward: () => {
        const { location, history } = get()
        const next = history.forward[0]
        if (!next) return
        go(next, {
          back: location ? [...history.back, location] : history.back,
          forward: history.forward.slice(1),
        })
      },

      goUp: () => {
        const { location } = get()
        if (!location || location.prefix === '') return
        get().openLocation({ ...location, prefix: parentPrefix(location.prefix) })
        // Land on the folder just left, as file managers do (it shows once its page arrives).
        const left = location.prefix
        set({ selectedKeys: new Set([left]), focusKey: left, anchorKey: left })
      },

      closeBrowser: () => {
        stopPending()
        currentRun += 1
        if (get().location === null) return
        set({ location: null, listing: null, selectedKeys: new Set(), focusKey: null })
      },

      refreshListing: () => {
        const { listing } = get()
        if (!listing) return
        // A search is walked again from the start (it has no background refresh).
        if (listing.status.state !== 'complete' || listing.search !== null) {
          startListing(listing.location, listing.search)
          return
        }
        const refreshing = { ...listing, refreshed: 0 }
        set({ listing: refreshing })
        void run(refreshing, true)
      },

      searchBucket: (text) => {
        const { location, listing } = get()
        // Empty text is the folder itself: a search for '' would walk it all to match every key.
        const wanted = text === '' ? null : text
        const same = (listing?.search ?? null) === wanted
        // The same search again runs again once it has ended (the bucket may have changed).
        if (!location || (same && (wanted === null || listing?.status.state === 'loading'))) return
        startListing(location, wanted)
      },

      searchCost: async () => {
        const { location } = get()
        if (!location) {
          return { ok: false, error: { code: 'INVALID_REQUEST', message: 'No folder is open.' } }
        }
        const { accountId, bucket, prefix } = location
        return api.invoke('objects.searchCost', { accountId, bucket, prefix })
      },

      stopSearch: () => {
        if (get().listing?.search != null) stopPending()
      },

      applyObjectsChanged: (change) => {
        const { listing } = get()
        if (
          !listing ||
          listing.location.accountId !== change.accountId ||
          listing.location.bucket !== change.bucket ||
          !prefixesOverlap(listedPrefix(listing), change.prefix)
        ) {
          return
        }
        const { search, searched } = listing
        if (search !== null) {
          // A search walks the whole folder again by itself only when that is cheap (its last
          // walk took few requests); otherwise its rows are said to be out of date.
          if (!searched || searched.end === 'running') return
          if (searched.requests > RESEARCH_MAX_REQUESTS) {
            set({ listing: { ...listing, searched: { ...searched, stale: true } } })
            return
          }
        }
        if (refreshTimer !== null) clearTimeout(refreshTimer)
        refreshTimer = setTimeout(() => {
          refreshTimer = null
          get().refreshListing()
        }, REFRESH_DELAY_MS)
      },
    }
  }
