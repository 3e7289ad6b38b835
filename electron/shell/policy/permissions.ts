/**
 * Which web permissions the page gets: writing to the clipboard (copying a share link), asked by
 * our own page. Camera, notifications, geolocation and the rest are refused; the desktop
 * notifications come from main (desktop-feedback.ts), not from the page.
 */
import { isAppUrl } from './app-url'

const GRANTED: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** `requester` is the requesting URL (request handler) or origin (check handler). */
export const isPermissionGranted = (permission: string, requester: string): boolean =>
  GRANTED.has(permission) && isAppUrl(requester)
