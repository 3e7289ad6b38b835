/** How the request meter and the request log put numbers into words. */
import type { RequestStats } from '../../../shared/requests'

/** `42 req/s of 100 · slowed to 50 · 3 queued`, as parts so the meter can style each. */
export const meterParts = (
  stats: Pick<RequestStats, 'requestsPerSecond' | 'currentRate' | 'limit' | 'queued'>,
): { readonly rate: string; readonly slowed: string | null; readonly queued: string | null } => ({
  rate: `${stats.requestsPerSecond.toLocaleString()} req/s of ${stats.limit.toLocaleString()}`,
  // The governor backs off after 503/429 and climbs back; say so while it is below the limit.
  slowed:
    stats.currentRate < stats.limit
      ? `slowed to ${Math.floor(stats.currentRate).toLocaleString()}`
      : null,
  queued: stats.queued > 0 ? `${stats.queued.toLocaleString()} queued` : null,
})

export const meterText = (stats: Parameters<typeof meterParts>[0]): string => {
  const { rate, slowed, queued } = meterParts(stats)
  return [rate, slowed, queued].filter((part) => part !== null).join(' · ')
}

export type StatusTone = 'normal' | 'throttled' | 'error'

/** 503 and 429 are the server asking to slow down; other 5xx and no answer at all are errors. */
export const statusTone = (status: number): StatusTone => {
  if (status === 503 || status === 429) return 'throttled'
  if (status === 0 || status >= 500) return 'error'
  return 'normal'
}

export const statusText = (status: number): string =>
  status === 0 ? 'network error' : String(status)

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
})

/** `14:03:07.125`: requests come many a second, so the milliseconds matter. */
export const formatLogTime = (ms: number): string => clock.format(new Date(ms))

/** `85 ms`, `1.3 s`. */
export const formatLatency = (ms: number): string =>
  ms < 1000
    ? `${Math.round(ms).toLocaleString()} ms`
    : `${(ms / 1000).toLocaleString(undefined, { maximumFractionDigits: 1 })} s`
