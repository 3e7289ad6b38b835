import { useAppStore } from '../../store/app-store'
import { Spinner } from '../spinner'

/** "Loading… 3,000 so far" while pages arrive (or a refresh collects them). */
export const ListingProgress = () => {
  // A string, not an object: a selector must return the same value for the same state.
  const progress = useAppStore((state) => {
    const { listing } = state
    if (!listing) return null
    if (listing.refreshed !== null) {
      return `Refreshing… ${listing.refreshed.toLocaleString()} so far`
    }
    if (listing.status.state === 'loading' && listing.entries.length > 0) {
      return `Loading… ${listing.entries.length.toLocaleString()} so far`
    }
    return null
  })
  return (
    <p className="listing-progress" role="status" aria-live="polite">
      {progress !== null && (
        <>
          <Spinner />
          {progress}
        </>
      )}
    </p>
  )
}
