/**
 * Is this URL our own page? Scheme and host are compared, never `URL.origin`: Node's WHATWG URL
 * gives a non-special scheme such as app: the opaque origin "null" (DSS.md §4).
 */
import { APP_HOST, APP_SCHEME } from '../channels'

export const isAppUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url)
    // `host` carries the port too, so app://dss-explorer:1 is not ours. Node keeps the case of a
    // non-special host; Chromium lowers it for a standard scheme such as ours.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST
  } catch {
    return false
  }
}
