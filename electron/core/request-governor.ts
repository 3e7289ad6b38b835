/**
 * The request governor: every HTTP attempt of an account (listings, HEADs, parts, deletes and
 * every retry) waits here before it is sent, so together they stay under the account's
 * requests-per-second limit — DSS counts them all. Three rules:
 * - a token bucket paces requests smoothly at the current rate;
 * - a sliding window never lets more than the current rate arrive at the server in any second,
 *   which a token bucket alone would (by its burst, and because requests bunch on the way: a
 *   TLS handshake or a busy socket holds some back, then they arrive together). A request
 *   counts in the window from when it is sent until a second after it may have reached the
 *   server: its answer, less the fastest round trip yet heard (see `countedUntil`);
 * - on 503 SlowDown or 429 the rate halves and sending pauses for any Retry-After; it then
 *   recovers by a tenth of the limit each calm second;
 * - at the start and after each halving, only a burst goes out until one of those requests is
 *   answered (or a second passes): while nothing comes back (TLS handshakes on a busy machine, a
 *   slow server) the rate alone would pour a second's worth of requests at a server that may
 *   refuse most of them, and the 503s would only be heard after all were sent.
 * Interactive requests (listings, HEAD) are served first, then read-ahead (the later ranges of a
 * parallel listing, which nobody waits on yet: another folder's first page goes before them),
 * then bulk transfer requests.
 */

export type RequestPriority = 'interactive' | 'read-ahead' | 'bulk'

export type GovernorStats = {
  /** Requests sent in the last second. */
  readonly requestsPerSecond: number
  /** The rate currently allowed: the limit, or less after throttling. */
  readonly currentRate: number
  readonly limit: number
  readonly queued: number
  readonly throttles: number
}

/**
 * Call when the request's response (or failure) has come back, with 'answered' when the server
 * answered it (any HTTP status): only those round trips say how fast the way there can be. A
 * caller that was throttled calls `throttled` in the same tick (before or after this): waiting
 * requests are let go only after.
 */
export type Release = (outcome?: 'answered') => void

export type RequestGovernor = {
  acquire(priority: RequestPriority, signal?: AbortSignal): Promise<Release>
  /** The server said slow down (503 SlowDown or 429), maybe with Retry-After in ms. */
  throttled(retryAfterMs?: number): void
  setRate(requestsPerSecond: number): void
  /** The rate currently allowed. */
  readonly rate: number
  /**
   * A running average of the time from a request being let go to its answer (0 before any): how
   * many requests must be in flight to keep the rate busy is `rate × roundTripMs / 1000`.
   */
  readonly roundTripMs: number
  stats(): GovernorStats
}

type Waiter = {
  readonly resolve: (release: Release) => void
  readonly reject: (error: unknown) => void
}
type Sent = {
  /** When it was let go. */
  readonly at: number
  /** The probe it was sent in (see `probe`). */
  readonly epoch: number
  done: number | null
}

/** Requests arrive at the server a little bunched up; keep the window slightly wider. */
export const WINDOW_MS = 1000
export const WINDOW_MARGIN_MS = 5
const RECOVERY_INTERVAL_MS = 1000
/** How much each answer moves the round-trip average. */
const ROUND_TRIP_WEIGHT = 0.2

/** A Retry-After header in ms, from seconds or an HTTP date (what `throttled` takes). */
export const retryAfterMs = (value: string | undefined): number | undefined => {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

export const createRequestGovernor = (
  requestsPerSecond: number,
  options: { burst?: number; now?: () => number } = {},
): RequestGovernor => {
  const now = options.now ?? (() => performance.now())
  let limit = requestsPerSecond
  let current = limit
  let tokens = options.burst ?? Math.max(1, Math.floor(limit / 10))
  let refilledAt = now()
  let pausedUntil = 0
  let lastThrottle = -Infinity
  let throttles = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let drainSoon = false
  let roundTrip = 0
  /** The shortest round trip of an answered request (Infinity before any). */
  let fastest = Number.POSITIVE_INFINITY
  /** Requests that may still be counted by the server's window, oldest first. */
  let sent: Sent[] = []
  /**
   * The probe after the start or the last halving: how many requests it sent, until when it may
   * wait for an answer (set at its first request), and whether one of them was answered.
   */
  let probe = { epoch: 0, sent: 0, until: Number.POSITIVE_INFINITY, answered: false }
  const queues: Record<RequestPriority, Waiter[]> = {
    interactive: [],
    'read-ahead': [],
    bulk: [],
  }
  const burst = (): number => options.burst ?? Math.max(1, Math.floor(current / 10))

  let raisedAt = -Infinity
  /** Additive increase: a tenth of the limit back for each calm second since the last change. */
  const recover = (at: number): void => {
    if (current >= limit) return
    const since = Math.max(lastThrottle, raisedAt, pausedUntil)
    const steps = Math.floor((at - since) / RECOVERY_INTERVAL_MS)
    if (steps < 1) return
    current = Math.min(limit, current + steps * Math.max(1, Math.floor(limit / 10)))
    raisedAt = since + steps * RECOVERY_INTERVAL_MS
  }

  const refill = (at: number): void => {
    tokens = Math.min(burst(), tokens + ((at - refilledAt) * current) / 1000)
    refilledAt = at
  }

  /**
   * Until when an answered request may still be counted by the server's window (a second after
   * the latest time it may have arrived there; Infinity while it is in flight). It arrived
   * before its answer came back, by at least the server's time and the way back; a request let
   * go later arrives no sooner than its own way there. If no request's ways and server time are
   * shorter than those of the fastest round trip yet heard, arrivals lie at most `done - fastest`
   * apart from sends shifted by the fastest way there: so a second after `done - fastest` it is
   * out of the window of anything let go from then on. At a long round trip this frees a slot
   * about a round trip sooner than a second after the answer (what it is before any answer), so
   * the rate, not the round trip, sets the pace of many short requests.
   */
  const countedUntil = (request: Sent): number => {
    if (request.done === null) return Number.POSITIVE_INFINITY
    const shift = Number.isFinite(fastest) ? fastest : 0
    return Math.max(request.at, request.done - shift) + WINDOW_MS + WINDOW_MARGIN_MS
  }

  /**
   * ms until the window has room for one more request, 0 if it has now, Infinity if only a
   * response coming back can make room (drain runs again then).
   */
  const windowWait = (at: number): number => {
    sent = sent.filter((request) => countedUntil(request) > at)
    if (sent.length < Math.max(1, Math.floor(current))) return 0
    const leaving = Math.min(...sent.map(countedUntil))
    return leaving === Number.POSITIVE_INFINITY ? leaving : Math.max(0, leaving - at)
  }

  /** ms until the probe lets another request go: 0 if it may go now, else its second's end. */
  const probeWait = (at: number): number => {
    if (probe.answered || probe.sent < burst()) return 0
    return Math.max(0, probe.until - at)
  }

  const next = (): Waiter | undefined =>
    queues.interactive.shift() ?? queues['read-ahead'].shift() ?? queues.bulk.shift()
  const waiting = (): number =>
    queues.interactive.length + queues['read-ahead'].length + queues.bulk.length

  const drain = (): void => {
    timer = undefined
    for (;;) {
      if (waiting() === 0) return
      const at = now()
      recover(at)
      refill(at)
      const wait = Math.max(
        pausedUntil - at,
        tokens >= 1 ? 0 : ((1 - tokens) * 1000) / current,
        windowWait(at),
        probeWait(at),
      )
      if (wait === Number.POSITIVE_INFINITY) return // a release will call drain
      if (wait > 0) {
        timer = setTimeout(drain, Math.max(1, Math.ceil(wait)))
        return
      }
      const waiter = next()
      if (!waiter) return
      tokens -= 1
      if (!probe.answered) {
        if (probe.sent === 0) probe.until = at + WINDOW_MS
        probe.sent += 1
      }
      const request: Sent = { at, epoch: probe.epoch, done: null }
      sent.push(request)
      waiter.resolve((outcome) => {
        if (request.done !== null) return
        request.done = now()
        const took = request.done - request.at
        roundTrip = roundTrip === 0 ? took : roundTrip + (took - roundTrip) * ROUND_TRIP_WEIGHT
        if (outcome === 'answered') fastest = Math.min(fastest, took)
        if (request.epoch === probe.epoch) probe.answered = true
        // Not at once: a throttle reported right after this release must be heard first. The
        // answer may end a probe, so a timer set to wait for one is stale.
        if (drainSoon) return
        drainSoon = true
        queueMicrotask(() => {
          drainSoon = false
          clearTimeout(timer)
          drain()
        })
      })
    }
  }

  return {
    get rate() {
      recover(now())
      return current
    },
    get roundTripMs() {
      return roundTrip
    },
    setRate(requestsPerSecond) {
      limit = requestsPerSecond
      current = Math.min(current, limit)
      if (lastThrottle === -Infinity) current = limit
    },
    throttled(retryAfterMs) {
      const at = now()
      throttles += 1
      // Several requests in flight may all come back throttled: halve once per burst of them.
      if (at - lastThrottle > 250) {
        current = Math.max(1, Math.floor(current / 2))
        probe = {
          epoch: probe.epoch + 1,
          sent: 0,
          until: Number.POSITIVE_INFINITY,
          answered: false,
        }
      }
      lastThrottle = at
      pausedUntil = Math.max(pausedUntil, at + (retryAfterMs ?? 1000 / current))
      tokens = Math.min(tokens, 0)
    },
    stats() {
      const at = now()
      recover(at)
      const recent = sent.filter((request) => at - request.at < WINDOW_MS).length
      return {
        requestsPerSecond: recent,
        currentRate: current,
        limit,
        queued: waiting(),
        throttles,
      }
    },
    acquire(priority, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason)
      return new Promise<Release>((resolve, reject) => {
        const waiter: Waiter = {
          resolve: (release) => {
            signal?.removeEventListener('abort', onAbort)
            resolve(release)
          },
          reject,
        }
        const onAbort = (): void => {
          const queue = queues[priority]
          const at = queue.indexOf(waiter)
          if (at !== -1) queue.splice(at, 1)
          reject(signal?.reason)
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        queues[priority].push(waiter)
        if (timer === undefined) drain()
      })
    },
  }
}
