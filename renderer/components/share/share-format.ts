/** How a link's expiry reads: the exact local time, how far off it is, and a live countdown. */
import type { ShareLink } from '../../../shared/share'

const MINUTE = 60
const HOUR = 3600
const DAY = 86_400
const YEAR = 365 * DAY

const exact = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

const sameDay = (a: Date, b: Date): boolean => a.toDateString() === b.toDateString()

/** `Tue 24 Nov 2026, 14:32` in the user's locale and time zone. */
export const exactTime = (date: Date): string => exact.format(date)

/** `14:32` today, else the exact date and time. */
export const shortTime = (date: Date, now: Date): string =>
  sameDay(date, now) ? clock.format(date) : exact.format(date)

const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`

/** A span in the largest unit that reads well: `15 minutes`, `1 hour`, `7 days`, `1 year`. */
export const spanText = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds))
  if (s < MINUTE) return plural(s, 'second')
  const minutes = Math.round(s / MINUTE)
  if (minutes < 60) return plural(minutes, 'minute')
  const hours = Math.round(s / HOUR)
  // Whole days read as days (`1 day`); 36 hours stay hours rather than round to `2 days`.
  if (hours < 24 || (hours < 48 && hours % 24 !== 0)) return plural(hours, 'hour')
  const days = Math.round(s / DAY)
  if (days < 365 || days % 365 !== 0) return plural(days, 'day')
  return plural(days / 365, 'year')
}

/** `Expires Tue 24 Nov 2026, 14:32 (in 1 hour)`. */
export const expiresText = (expiresAt: Date, now: Date): string =>
  `Expires ${exactTime(expiresAt)} (in ${spanText((expiresAt.getTime() - now.getTime()) / 1000)})`

/** A short span for a countdown: `35 s`, `42 min`, `5 h 12 min`, `3 d 4 h`, `400 days`. */
export const countdownSpan = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds))
  if (s < MINUTE) return `${s} s`
  if (s < HOUR) return `${Math.floor(s / MINUTE)} min`
  if (s < DAY) {
    const minutes = Math.floor((s % HOUR) / MINUTE)
    return `${Math.floor(s / HOUR)} h${minutes > 0 ? ` ${minutes} min` : ''}`
  }
  if (s < 14 * DAY) {
    const hours = Math.floor((s % DAY) / HOUR)
    return `${Math.floor(s / DAY)} d${hours > 0 ? ` ${hours} h` : ''}`
  }
  if (s < 2 * YEAR) return `${Math.floor(s / DAY)} days`
  return `${Math.floor(s / YEAR)} years`
}

export const isExpired = (link: ShareLink, nowMs: number): boolean =>
  Date.parse(link.expiresAt) <= nowMs

/** `expires in 42 min`, or `expired 3 min ago`. */
export const countdownText = (link: ShareLink, nowMs: number): string => {
  const left = (Date.parse(link.expiresAt) - nowMs) / 1000
  // Just past its end, a link reads "expired 1 s ago" rather than "0 s".
  return left > 0
    ? `expires in ${countdownSpan(left)}`
    : `expired ${countdownSpan(Math.max(1, -left))} ago`
}
