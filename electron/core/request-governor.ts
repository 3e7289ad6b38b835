/**
 * The request governor: a token bucket every HTTP attempt of an account passes through, so
 * listings, parts and retries together stay under the account's requests-per-second limit.
 * Interactive requests are served before bulk ones.
 */

export type RequestPriority = 'interactive' | 'bulk'

type Waiter = { readonly resolve: () => void; readonly reject: (error: unknown) => void }

export type RequestGovernor = {
  acquire(priority: RequestPriority, signal?: AbortSignal): Promise<void>
  setRate(requestsPerSecond: number): void
  readonly rate: number
}

export const createRequestGovernor = (
  requestsPerSecond: number,
  options: { burst?: number; now?: () => number } = {},
): RequestGovernor => {
  const now = options.now ?? (() => performance.now())
  let rate = requestsPerSecond
  // A small burst keeps a cold start quick without ever exceeding the server's 1-second window.
  let burst = options.burst ?? Math.max(1, Math.floor(rate / 10))
  let tokens = burst
  let refilledAt = now()
  let timer: ReturnType<typeof setTimeout> | undefined
  const queues: Record<RequestPriority, Waiter[]> = { interactive: [], bulk: [] }

  const refill = (): void => {
    const at = now()
    tokens = Math.min(burst, tokens + ((at - refilledAt) * rate) / 1000)
    refilledAt = at
  }

  const next = (): Waiter | undefined => queues.interactive.shift() ?? queues.bulk.shift()

  const drain = (): void => {
    timer = undefined
    refill()
    while (tokens >= 1) {
      const waiter = next()
      if (!waiter) return
      tokens -= 1
      waiter.resolve()
    }
    if (queues.interactive.length + queues.bulk.length > 0) {
      timer = setTimeout(drain, Math.max(1, ((1 - tokens) * 1000) / rate))
    }
  }

  return {
    get rate() {
      return rate
    },
    setRate(requestsPerSecond) {
      rate = requestsPerSecond
      burst = Math.max(1, Math.floor(rate / 10))
      tokens = Math.min(tokens, burst)
    },
    acquire(priority, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason)
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve: () => {
            signal?.removeEventListener('abort', onAbort)
            resolve()
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
