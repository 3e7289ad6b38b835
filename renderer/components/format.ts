/** Small text formatters for the UI. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** A creation date in the user's locale, or a dash when the server sent none. */
export const formatDate = (iso: string | null): string => {
  if (iso === null) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

/** `3 buckets`, `1 bucket`. */
export const countOf = (count: number, noun: string): string =>
  `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`

/** The host (and port) of an endpoint URL, or the text itself when it is not a URL. */
export const endpointHost = (endpoint: string): string => {
  try {
    return new URL(endpoint).host
  } catch {
    return endpoint
  }
}

/** Sizes are written by the one shared formatter, so the window and main's messages agree. */
export { formatBytes } from '../../shared/sizes'

/** A duration for an estimate: `under a second`, `about 40 s`, `about 3 min`, `about 2 h`. */
export const formatDuration = (seconds: number): string => {
  if (seconds < 1) return 'under a second'
  if (seconds < 90) return `about ${Math.round(seconds)} s`
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`
  return `about ${(seconds / 3600).toLocaleString(undefined, { maximumFractionDigits: 1 })} h`
}
