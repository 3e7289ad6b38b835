import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRequestGovernor, retryAfterMs } from './request-governor'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** The most grants in any window of `ms` (inclusive start, exclusive end). */
const maxInWindow = (times: readonly number[], ms = 1000): number => {
  let most = 0
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= ms) start += 1
    most = Math.max(most, end - start + 1)
  }
  return most
}

const clock = () => ({ now: () => Date.now() })

describe('request governor', () => {
  it('never lets more than the limit through in any one-second window, and keeps the pace', async () => {
    const governor = createRequestGovernor(100, clock())
    const times: number[] = []
    for (let index = 0; index < 400; index += 1) {
      void governor.acquire('bulk').then((release) => {
        times.push(Date.now())
        setTimeout(release, 30) // the response comes back 30 ms later
      })
    }
    await vi.advanceTimersByTimeAsync(0)
    expect(times).toHaveLength(10) // a small burst at once
    await vi.advanceTimersByTimeAsync(5000)
    expect(times).toHaveLength(400)
    expect(maxInWindow(times)).toBeLessThanOrEqual(100)
    // Close to the limit: 400 requests in a little over 4 seconds.
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeLessThan(4400)
    expect(governor.stats()).toMatchObject({ limit: 100, currentRate: 100, queued: 0 })
  })

  it('counts a request still in flight: it may reach the server late, bunched with newer ones', async () => {
    const governor = createRequestGovernor(10, clock())
    const releases: (() => void)[] = []
    for (let index = 0; index < 20; index += 1)
      void governor.acquire('bulk').then((release) => releases.push(release))
    await vi.advanceTimersByTimeAsync(5000)
    // Ten went out and none has answered: the eleventh waits, however long.
    expect(releases).toHaveLength(10)
    releases.slice(0, 5).forEach((release) => release())
    await vi.advanceTimersByTimeAsync(1000)
    expect(releases).toHaveLength(10)
    // A second after those five answered, five more may go, at the paced rate of 10/s.
    await vi.advanceTimersByTimeAsync(600)
    expect(releases).toHaveLength(15)
    await vi.advanceTimersByTimeAsync(5000)
    expect(releases).toHaveLength(15)
  })

  /**
   * On the fake clock (beforeEach), so the pace below is the governor's, not the machine's:
   * 400 requests through a link whose way there takes 50–150 ms (drawn per request) and whose
   * way back and server take 100 ms: when each one arrived, and when the last was let go.
   */
  const overLongLink = async (outcome: 'answered' | undefined) => {
    const governor = createRequestGovernor(100, clock())
    const arrivals: number[] = []
    const sent: number[] = []
    let seed = 7
    const wayThere = (): number => {
      seed = (seed * 48271) % 2147483647
      return 50 + (seed % 101)
    }
    for (let index = 0; index < 400; index += 1) {
      void governor.acquire('bulk').then((release) => {
        const there = wayThere()
        sent.push(Date.now())
        setTimeout(() => arrivals.push(Date.now()), there)
        setTimeout(() => release(outcome), there + 100)
      })
    }
    await vi.advanceTimersByTimeAsync(10_000)
    expect(sent).toHaveLength(400)
    return { arrivals, lastSent: (sent.at(-1) ?? 0) - (sent[0] ?? 0) }
  }

  it('at a long round trip, frees a slot a second after the earliest its request can have arrived', async () => {
    // Answers heard: a request counts until a second after its answer less the fastest round
    // trip (150 ms here), so the pace stays the rate's, and still no second sees over 100 arrive.
    const heard = await overLongLink('answered')
    expect(maxInWindow(heard.arrivals.sort((a, b) => a - b))).toBeLessThanOrEqual(100)
    expect(heard.lastSent).toBeLessThan(4200)
    // Failures with no answer teach nothing: each counts until a second after it came back, so
    // 300 slots are each held 1.15–1.25 s.
    const unheard = await overLongLink(undefined)
    expect(maxInWindow(unheard.arrivals.sort((a, b) => a - b))).toBeLessThanOrEqual(100)
    expect(unheard.lastSent).toBeGreaterThan(4500)
  })

  it('serves interactive requests before queued bulk ones', async () => {
    const governor = createRequestGovernor(10, { burst: 1, ...clock() })
    const order: string[] = []
    ;(await governor.acquire('bulk'))()
    for (let index = 0; index < 3; index += 1) {
      void governor.acquire('bulk').then(() => order.push(`bulk${index}`))
    }
    void governor.acquire('interactive').then(() => order.push('interactive'))
    await vi.advanceTimersByTimeAsync(1000)
    expect(order[0]).toBe('interactive')
    expect(order).toHaveLength(4)
  })

  it("serves another folder's first page before a listing's read-ahead, and both before bulk", async () => {
    const governor = createRequestGovernor(10, { burst: 1, ...clock() })
    const order: string[] = []
    ;(await governor.acquire('bulk'))()
    void governor.acquire('bulk').then(() => order.push('bulk'))
    for (let index = 0; index < 2; index += 1) {
      void governor.acquire('read-ahead').then(() => order.push(`read-ahead${index}`))
    }
    void governor.acquire('interactive').then(() => order.push('first page'))
    await vi.advanceTimersByTimeAsync(1000)
    expect(order).toEqual(['first page', 'read-ahead0', 'read-ahead1', 'bulk'])
  })

  it('drops a waiter whose signal aborts, without spending a token', async () => {
    const governor = createRequestGovernor(10, { burst: 1, ...clock() })
    ;(await governor.acquire('bulk'))()
    const controller = new AbortController()
    const abandoned = governor.acquire('bulk', controller.signal)
    const next = governor.acquire('bulk')
    controller.abort(new Error('cancelled'))
    await expect(abandoned).rejects.toThrow('cancelled')
    let done = false
    void next.then(() => (done = true))
    await vi.advanceTimersByTimeAsync(101)
    expect(done).toBe(true)
  })

  it('sends only a burst until something is answered (or a second passes), then the pace', async () => {
    const governor = createRequestGovernor(100, clock())
    const releases: (() => void)[] = []
    for (let index = 0; index < 300; index += 1)
      void governor.acquire('interactive').then((release) => releases.push(release))
    // Nothing comes back (a slow start): the rate would allow 90 more, the probe holds them.
    await vi.advanceTimersByTimeAsync(900)
    expect(releases).toHaveLength(10)
    releases[0]?.()
    await vi.advanceTimersByTimeAsync(0)
    // One answer: the bucket's burst goes at once, then the rate.
    expect(releases).toHaveLength(20)
    await vi.advanceTimersByTimeAsync(500)
    expect(releases).toHaveLength(70)

    // Without any answer, a second later it goes on at the rate anyway.
    const silent = createRequestGovernor(100, clock())
    let granted = 0
    for (let index = 0; index < 300; index += 1) void silent.acquire('bulk').then(() => granted++)
    await vi.advanceTimersByTimeAsync(999)
    expect(granted).toBe(10)
    await vi.advanceTimersByTimeAsync(500)
    expect(granted).toBeGreaterThan(50)
  })

  it('probes again after a halving: a burst of the new rate, then waits for an answer', async () => {
    const governor = createRequestGovernor(100, clock())
    const releases: (() => void)[] = []
    ;(await governor.acquire('bulk'))()
    governor.throttled(100)
    expect(governor.rate).toBe(50)
    for (let index = 0; index < 100; index += 1)
      void governor.acquire('bulk').then((release) => releases.push(release))
    await vi.advanceTimersByTimeAsync(600)
    expect(releases).toHaveLength(5)
    releases[0]?.()
    await vi.advanceTimersByTimeAsync(200)
    expect(releases.length).toBeGreaterThan(10)
  })

  it('hears a throttle reported just after a release before letting anyone else go', async () => {
    const governor = createRequestGovernor(100, clock())
    const releases: (() => void)[] = []
    for (let index = 0; index < 100; index += 1)
      void governor.acquire('bulk').then((release) => releases.push(release))
    await vi.advanceTimersByTimeAsync(200)
    expect(releases).toHaveLength(10)
    // The SDK middleware releases first, then reports the 503 it got.
    releases[0]?.()
    governor.throttled(1000)
    await vi.advanceTimersByTimeAsync(999)
    expect(releases).toHaveLength(10)
    await vi.advanceTimersByTimeAsync(2)
    expect(releases).toHaveLength(15)
  })

  it('halves the rate on a throttle, pauses for Retry-After, then recovers', async () => {
    const governor = createRequestGovernor(100, clock())
    const times: number[] = []
    governor.throttled(2000)
    governor.throttled() // a second answer of the same burst halves nothing more
    expect(governor.rate).toBe(50)
    for (let index = 0; index < 60; index += 1)
      void governor.acquire('bulk').then(() => times.push(Date.now()))
    await vi.advanceTimersByTimeAsync(1999)
    expect(times).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1001)
    expect(times.length).toBeGreaterThan(0)
    expect(times.length).toBeLessThanOrEqual(50)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(governor.rate).toBe(100)
    expect(governor.stats().throttles).toBe(2)
  })
})

describe('Retry-After', () => {
  it('is read as seconds or as an HTTP date, and ignored when it is neither', () => {
    expect(retryAfterMs('3')).toBe(3000)
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString()
    expect(retryAfterMs(inTwoSeconds)).toBeGreaterThan(0)
    expect(retryAfterMs(inTwoSeconds)).toBeLessThanOrEqual(2000)
    expect(retryAfterMs(new Date(Date.now() - 5000).toUTCString())).toBe(0)
    expect(retryAfterMs('soon')).toBeUndefined()
    expect(retryAfterMs(undefined)).toBeUndefined()
  })
})
