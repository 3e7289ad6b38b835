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
