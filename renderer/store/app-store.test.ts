import { describe, expect, it, vi } from 'vitest'
import type { AccountSummary } from '../../shared/accounts'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import { createFakeDssApi, sandboxAccount } from '../api/fake-dss-api.test-fixture'
import { createAppStore } from './create-app-store'
import { startSubscriptions } from './subscriptions'

const work: AccountSummary = {
  ...sandboxAccount,
  id: 'work',
  name: 'Work',
  kind: 'dss-standard',
  endpoint: 'https://s3-standard.oortech.com',
  insecure: false,
}

const draft = {
  name: 'Home',
  kind: 'custom',
  endpoint: 'http://localhost:9000',
  accessKeyId: 'key',
  secretAccessKey: 'secret',
} as const

const setUp = (accounts: readonly AccountSummary[] = [sandboxAccount]) => {
  const api = createFakeDssApi({
    accounts,
    buckets: { [SANDBOX_ACCOUNT_ID]: [{ name: 'demo', createdAt: null }], work: [] },
  })
  const store = createAppStore(api)
  const stop = startSubscriptions(store, api)
  return { api, store, stop }
}

describe('the app store', () => {
  it('opens the sandbox by itself when no account is saved, then lists its buckets', async () => {
    const { store, api } = setUp()
    await vi.waitFor(() => expect(store.getState().accountList.state).toBe('loaded'))
    expect(store.getState().selectedAccountId).toBe(SANDBOX_ACCOUNT_ID)
    await vi.waitFor(() =>
      expect(store.getState().bucketLists.get(SANDBOX_ACCOUNT_ID)?.state).toBe('loaded'),
    )
    expect(store.getState().sandboxStatus.state).toBe('ready')
    expect(api.calls.filter(({ name }) => name === 'buckets.list')).toHaveLength(1)
  })

  it('opens the first saved account and lists its buckets', async () => {
    const { store } = setUp([sandboxAccount, work])
    await vi.waitFor(() =>
      expect(store.getState().bucketLists.get('work')).toEqual({
        state: 'loaded',
        buckets: [],
        refreshing: false,
      }),
    )
    expect(store.getState().selectedAccountId).toBe('work')
  })

  it('starts the sandbox when it is opened from another account, then lists its buckets', async () => {
    const { store, api } = setUp([sandboxAccount, work])
    await vi.waitFor(() => expect(store.getState().bucketLists.get('work')?.state).toBe('loaded'))
    store.getState().selectAccount(SANDBOX_ACCOUNT_ID)
    expect(store.getState().sandboxStatus.state).toBe('starting')
    await vi.waitFor(() =>
      expect(store.getState().bucketLists.get(SANDBOX_ACCOUNT_ID)?.state).toBe('loaded'),
    )
    expect(store.getState().sandboxStatus.state).toBe('ready')
    expect(
      api.calls.filter(
        ({ name, request }) =>
          name === 'buckets.list' &&
          (request as { accountId: string }).accountId === SANDBOX_ACCOUNT_ID,
      ),
    ).toHaveLength(1)
  })

  it('stops a connection test: main is told to give it up, and its late answer is dropped', async () => {
    const { store, api } = setUp()
    const testing = store.getState().testConnection({ draft })
    expect(store.getState().connectionTest.state).toBe('testing')
    store.getState().cancelConnectionTest()
    expect(store.getState().connectionTest).toEqual({ state: 'idle' })
    await testing
    expect(store.getState().connectionTest).toEqual({ state: 'idle' })
    const sent = api.calls.find(({ name }) => name === 'accounts.test')?.request as {
      requestId?: string
    }
    expect(sent.requestId).toEqual(expect.any(String))
    expect(api.calls.filter(({ name }) => name === 'requests.cancel')).toEqual([
      { name: 'requests.cancel', request: { requestId: sent.requestId } },
    ])
  })

  it('reports a connection test, and its failure with the error code', async () => {
    const { store } = setUp()
    const testing = store.getState().testConnection({ draft })
    expect(store.getState().connectionTest.state).toBe('testing')
    await testing
    expect(store.getState().connectionTest).toEqual({
      state: 'ok',
      report: { bucketCount: 3, latencyMs: 42 },
    })
    await store.getState().testConnection({ draft: { ...draft, accessKeyId: '' } })
    expect(store.getState().connectionTest).toMatchObject({
      state: 'failed',
      error: { code: 'INVALID_REQUEST' },
    })
  })

  it('saves an account, closes the form and opens the account', async () => {
    const { store } = setUp()
    store.getState().openEditor({ mode: 'add', kind: 'custom' })
    await store.getState().saveAccount({ draft })
    const { editor, selectedAccountId, saveStatus } = store.getState()
    expect(editor.mode).toBe('closed')
    expect(saveStatus.state).toBe('idle')
    expect(selectedAccountId).toMatch(/^account-/)
    expect(store.getState().bucketLists.has(selectedAccountId ?? '')).toBe(true)
  })

  it('lists the buckets again after an account is edited', async () => {
    const { store, api } = setUp([sandboxAccount, work])
    await vi.waitFor(() => expect(store.getState().bucketLists.get('work')?.state).toBe('loaded'))
    store.getState().openEditor({ mode: 'edit', accountId: 'work' })
    await store.getState().saveAccount({ id: 'work', draft: { ...draft, name: 'Work 2' } })
    expect(store.getState().bucketLists.get('work')?.state).toBe('loading')
    await vi.waitFor(() => expect(store.getState().bucketLists.get('work')?.state).toBe('loaded'))
    expect(api.calls.filter(({ name }) => name === 'buckets.list')).toHaveLength(2)
  })

  it('keeps the form open with the error when saving fails', async () => {
    const { store } = setUp()
    store.getState().openEditor({ mode: 'add', kind: 'custom' })
    await store.getState().saveAccount({ draft: { ...draft, name: '' } })
    expect(store.getState().editor.mode).toBe('add')
    expect(store.getState().saveStatus).toMatchObject({
      state: 'failed',
      error: { code: 'INVALID_REQUEST', message: 'Give the account a name.' },
    })
  })

  it('forgets a removed account and its buckets, replacing the map', async () => {
    const { store, api } = setUp([sandboxAccount, work])
    await vi.waitFor(() => expect(store.getState().bucketLists.get('work')?.state).toBe('loaded'))
    const before = store.getState().bucketLists
    api.emit('accounts.changed', [sandboxAccount])
    expect(store.getState().selectedAccountId).toBeNull()
    expect(store.getState().bucketLists.has('work')).toBe(false)
    expect(before.has('work')).toBe(true)
  })

  it('stops listening when the subscriptions are undone', async () => {
    const { store, api, stop } = setUp([sandboxAccount, work])
    await vi.waitFor(() => expect(store.getState().accountList.state).toBe('loaded'))
    stop()
    api.emit('sandbox.status', { state: 'failed', message: 'port in use' })
    expect(store.getState().sandboxStatus.state).toBe('stopped')
  })
})
