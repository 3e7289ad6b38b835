/**
 * A token bucket: `burst` tokens at most, refilled continuously at `ratePerSecond`; each request
 * takes one. This is the model of the DSS limit ("an effective 100 requests per second").
 */

export type TokenBucket = {
  /** Takes one token if there is one; false means the request is over the limit. */
  tryTake(): boolean
  /** Replaces the limit and starts from a full bucket, so tests get a predictable budget. */
  configure(ratePerSecond: number, burst?: number): void
  readonly ratePerSecond: number
  readonly burst: number
}

/** A rate of 0 or Infinity means "no limit", matching how the CLI and tests switch it off. */
const isUnlimited = (ratePerSecond: number): boolean =>
  ratePerSecond === 0 || ratePerSecond === Number.POSITIVE_INFINITY

/** One second's worth of requests unless told otherwise, and at least one token. */
const defaultBurst = (ratePerSecond: number): number => Math.max(1, Math.ceil(ratePerSecond))

const checkLimit = (ratePerSecond: number, burst: number): void => {
  if (!(ratePerSecond >= 0)) throw new RangeError(`rate must be ≥ 0, got ${ratePerSecond}`)
  if (!isUnlimited(ratePerSecond) && !(burst >= 1 && Number.isFinite(burst))) {
    throw new RangeError(`burst must be a finite number ≥ 1, got ${burst}`)
  }
}

export const createTokenBucket = (
  ratePerSecond: number,
  burst: number = defaultBurst(ratePerSecond),
  now: () => number = () => performance.now(),
): TokenBucket => {
  checkLimit(ratePerSecond, burst)
  let rate = ratePerSecond
  let capacity = burst
  let tokens = burst
  let refilledAt = now()

  const refill = (): void => {
    const at = now()
    tokens = Math.min(capacity, tokens + ((at - refilledAt) * rate) / 1000)
    refilledAt = at
  }

  return {
    tryTake() {
      if (isUnlimited(rate)) return true
      refill()
      if (tokens < 1) return false
      tokens -= 1
      return true
    },
    configure(nextRate, nextBurst = defaultBurst(nextRate)) {
      checkLimit(nextRate, nextBurst)
      rate = nextRate
      capacity = nextBurst
      tokens = nextBurst
      refilledAt = now()
    },
    get ratePerSecond() {
      return rate
    },
    get burst() {
      return capacity
    },
  }
}
