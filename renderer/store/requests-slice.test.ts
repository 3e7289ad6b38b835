import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AccountSummary } from '../../shared/accounts'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import type { RequestLogEntry, RequestStats } from '../../shared/requests'
import type { FakeOptions } from '../api/fake-dss-api.test-fixture'
import { createFakeDssApi, sandboxAccount } from '../api/fake-dss-api.test-fixture'
import { createAppStore } from './create-app-store'
import { REQUEST_LOG_LIMIT, REQUEST_LOG_REFRESH_MS } from './requests-slice'
import { startSubscriptions } from './subscriptions'

const work: AccountSummary = { ...sandboxAccount, id: 'work', name: 'Work', kind: 'custom' }

const stats = (change: Partial<RequestStats> = {}): RequestStats => ({
  accountId: 'work',
  requestsPerSecond: 42,
  currentRate: 100,
  limit: 100,
  queued: 0,
  throttles: 0,
  ...change,
})

const entry = (index: number, change: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
  time: 1_700_000_000_000 + index,
  method: 'GET',
  bucket: 'photos',
  key: `img-${index}.jpg`,
  status: 200,
  durationMs: 12,
  ...change,
})

const setUp = async (options: FakeOptions = {}) => {
  const api = createFakeDssApi({
    accounts: [sandboxAccount, work],
    buckets: { [SANDBOX_ACCOUNT_ID]: [], work: [] },
    ...options,
  })
  const store = createAppStore(api)
  const stop = startSubscriptions(store, api)
  await vi.waitFor(() => expect(store.getState().selectedAccountId).toBe('work'))
  const logCalls = () => api.calls.filter(({ name }) => name === 'requests.log')
  return { api, store, stop, logCalls }
}

describe('the request meter and log', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('keeps the latest meter reading of each account, in a new map each time', async () => {
    const { api, store } = await setUp()
    const before = store.getState().requestStats
    api.emit('requests.stats', stats())
    api.emit('requests.stats', stats({ accountId: SANDBOX_ACCOUNT_ID, requestsPerSecond: 3 }))
    api.emit('requests.stats', stats({ requestsPerSecond: 7, currentRate: 50, queued: 4 }))
    const after = store.getState().requestStats
    expect(after).not.toBe(before)
    expect(before.size).toBe(0)
    expect(after.get('work')).toMatchObject({ requestsPerSecond: 7, currentRate: 50, queued: 4 })
    expect(after.get(SANDBOX_ACCOUNT_ID)?.requestsPerSecond).toBe(3)
  })

  it("shows the open account's newest requests, and refreshes each second until closed", async () => {
    const { api, store, logCalls } = await setUp()
    api.logRequests(
      'work',
      Array.from({ length: REQUEST_LOG_LIMIT + 20 }, (_, index) => entry(index)),
    )
    store.getState().openRequestLog()
    await vi.waitFor(() =>
      expect(store.getState().requestLog).toMatchObject({ state: 'open', accountId: 'work' }),
    )
    const first = store.getState().requestLog
    if (first.state !== 'open') throw new Error('closed')
    expect(first.entries).toHaveLength(REQUEST_LOG_LIMIT)
    expect(first.entries[0]).toEqual(entry(20))
    expect(first.entries.at(-1)).toEqual(entry(REQUEST_LOG_LIMIT + 19))
    expect(logCalls().at(-1)?.request).toEqual({ accountId: 'work' })

    api.logRequests('work', [entry(9_000, { status: 503 })])
    await vi.advanceTimersByTimeAsync(REQUEST_LOG_REFRESH_MS)
    const second = store.getState().requestLog
    if (second.state !== 'open') throw new Error('closed')
    expect(second.entries).toHaveLength(REQUEST_LOG_LIMIT)
    expect(second.entries.at(-1)?.status).toBe(503)

    store.getState().closeRequestLog()
    const calls = logCalls().length
    await vi.advanceTimersByTimeAsync(REQUEST_LOG_REFRESH_MS * 3)
    expect(logCalls()).toHaveLength(calls)
    expect(store.getState().requestLog).toEqual({ state: 'closed' })
  })

  it('keeps the same entries when nothing new came, so the table does not redraw', async () => {
    const { api, store, logCalls } = await setUp()
    api.logRequests('work', [entry(1), entry(2)])
    store.getState().openRequestLog()
    await vi.waitFor(() => expect(logCalls()).toHaveLength(1))
    await vi.advanceTimersByTimeAsync(0)
    const before = store.getState().requestLog
    await vi.advanceTimersByTimeAsync(REQUEST_LOG_REFRESH_MS * 2)
    expect(logCalls()).toHaveLength(3)
    expect(store.getState().requestLog).toBe(before)
  })

  it('follows the open account, and drops an answer about the one left', async () => {
    const { api, store } = await setUp({ delayMs: 300 })
    api.logRequests('work', [entry(1)])
    api.logRequests(SANDBOX_ACCOUNT_ID, [entry(2, { bucket: 'demo' })])
    store.getState().openRequestLog()
    // The answer about Work is on its way when the sandbox opens.
    await vi.advanceTimersByTimeAsync(100)
    store.getState().selectAccount(SANDBOX_ACCOUNT_ID)
    await vi.advanceTimersByTimeAsync(300)
    expect(store.getState().requestLog).toMatchObject({ accountId: null, entries: [] })
    await vi.advanceTimersByTimeAsync(REQUEST_LOG_REFRESH_MS)
    expect(store.getState().requestLog).toMatchObject({
      accountId: SANDBOX_ACCOUNT_ID,
      entries: [{ bucket: 'demo' }],
    })
  })

  it('shows why the log could not be read, until it can', async () => {
    let failing = true
    const { store } = await setUp({
      failCommand: (name) =>
        name === 'requests.log' && failing
          ? { ok: false, error: { code: 'NOT_FOUND', message: 'That account no longer exists.' } }
          : null,
    })
    store.getState().openRequestLog()
    await vi.waitFor(() =>
      expect(store.getState().requestLog).toMatchObject({ error: { code: 'NOT_FOUND' } }),
    )
    failing = false
    await vi.advanceTimersByTimeAsync(REQUEST_LOG_REFRESH_MS)
    expect(store.getState().requestLog).toMatchObject({ accountId: 'work', error: null })
  })

  it('stops polling when the subscriptions are undone', async () => {
    const { store, stop, logCalls } = await setUp()
    store.getState().openRequestLog()
    await vi.advanceTimersByTimeAsync(REQUEST_LOG_REFRESH_MS)
    stop()
    const calls = logCalls().length
    await vi.advanceTimersByTimeAsync(REQUEST_LOG_REFRESH_MS * 3)
    expect(logCalls()).toHaveLength(calls)
  })
})
