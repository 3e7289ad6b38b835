import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRequestGovernor } from './request-governor'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('request governor', () => {
  it('lets at most the burst plus the rate through in any second', async () => {
    const governor = createRequestGovernor(100, { burst: 10, now: () => Date.now() })
    let granted = 0
    for (let index = 0; index < 400; index += 1) {
      void governor.acquire('bulk').then(() => (granted += 1))
    }
    await vi.advanceTimersByTimeAsync(0)
    expect(granted).toBe(10)
    await vi.advanceTimersByTimeAsync(1000)
    expect(granted).toBeGreaterThanOrEqual(100)
    expect(granted).toBeLessThanOrEqual(110)
    await vi.advanceTimersByTimeAsync(3000)
    expect(granted).toBe(400)
  })

  it('serves interactive requests before queued bulk ones', async () => {
    const governor = createRequestGovernor(10, { burst: 1, now: () => Date.now() })
    const order: string[] = []
    await governor.acquire('bulk')
    for (let index = 0; index < 3; index += 1) {
      void governor.acquire('bulk').then(() => order.push(`bulk${index}`))
    }
    void governor.acquire('interactive').then(() => order.push('interactive'))
    await vi.advanceTimersByTimeAsync(1000)
    expect(order[0]).toBe('interactive')
    expect(order).toHaveLength(4)
  })

  it('drops a waiter whose signal aborts, without spending a token', async () => {
    const governor = createRequestGovernor(10, { burst: 1, now: () => Date.now() })
    await governor.acquire('bulk')
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
})
