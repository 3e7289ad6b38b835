import './search-note.css'
import { useEffect, useState } from 'react'
import type { SearchCost } from '../../../shared/search'
import { searchSeconds } from '../../../shared/search'
import { useAppStore } from '../../store/app-store'
import { formatDuration } from '../format'

/** What the walk will take, from the last walk of this folder when there was one. */
const costText = (cost: SearchCost): string => {
  const rate = `at ${cost.rate.toLocaleString()} requests/s`
  if (cost.lastWalk) {
    const { objects, requests } = cost.lastWalk
    return `The last search here went through ${objects.toLocaleString()} objects in ${requests.toLocaleString()} listing requests: ${formatDuration(requests / cost.rate)} ${rate}.`
  }
  return `S3 lists ${cost.objectsPerRequest.toLocaleString()} objects per request, so it takes one request per ${cost.objectsPerRequest.toLocaleString()} objects: ${formatDuration(searchSeconds(1_000_000, cost.rate))} per million objects ${rate}.`
}

/**
 * Under the search box: what a whole-bucket search will cost before it is run (asked of main,
 * which knows the account's rate and the last walk of this folder), and its progress with Stop
 * while it runs.
 */
export const SearchNote = ({ text }: { readonly text: string }) => {
  const location = useAppStore((state) => state.location)
  const listing = useAppStore((state) => state.listing)
  const searchCost = useAppStore((state) => state.searchCost)
  const stopSearch = useAppStore((state) => state.stopSearch)
  const [cost, setCost] = useState<SearchCost | null>(null)
  const running = listing?.search != null && listing.status.state === 'loading'
  const finished = listing?.searched?.end ?? null

  // Asked again after each search: the walk it made tells the next one its size.
  useEffect(() => {
    if (running) return
    let current = true
    void searchCost().then((result) => {
      if (current && result.ok) setCost(result.value)
    })
    return () => {
      current = false
    }
  }, [searchCost, location, running, finished])

  if (!location || !listing) return null
  const folder = location.prefix === '' ? `all of ${location.bucket}` : `“${location.prefix}”`

  if (running) {
    const searched = listing.searched
    return (
      <div className="search-note" role="status" data-testid="search-progress">
        <p>
          Searching {folder}…{' '}
          {searched
            ? `${searched.scanned.toLocaleString()} objects looked at (${searched.requests.toLocaleString()} requests), ${listing.entries.length.toLocaleString()} found.`
            : 'waiting for the first page.'}
        </p>
        <button type="button" className="button" onClick={stopSearch}>
          Stop
        </button>
      </div>
    )
  }
  if (text === '' || (listing.search === text && finished !== null)) return null
  return (
    <div className="search-note" role="status" data-testid="search-cost">
      <p>
        <strong>Enter</strong> searches every key in {folder} for “{text}”, in any part of its name.
      </p>
      {cost && <p className="search-note-cost">{costText(cost)}</p>}
    </div>
  )
}
