import { describe, expect, it, vi } from 'vitest'
import type { ImportableAccount } from '../../shared/accounts'
import type { FakeOptions } from '../api/fake-dss-api.test-fixture'
import { createFakeDssApi } from '../api/fake-dss-api.test-fixture'
import { createAppStore } from './create-app-store'
import { startSubscriptions } from './subscriptions'

const dss: ImportableAccount = {
  source: 'profile',
  name: 'dss',
  accessKeyId: 'AKIADSS',
  endpoint: 'https://s3-standard.oortech.com',
  region: 'us-east-1',
  forcePathStyle: true,
  hasSecret: true,
}

const setUp = (options: FakeOptions = {}) => {
  const api = createFakeDssApi(options)
  const store = createAppStore(api)
  const stop = startSubscriptions(store, api)
  const callsOf = (name: string) => api.calls.filter((call) => call.name === name)
  return { api, store, stop, callsOf }
}

describe('where secrets are kept', () => {
  it('loads from app.info when the store starts', async () => {
    const { store } = setUp({
      secretStorage: { description: 'the macOS keychain', encrypted: true },
    })
    await vi.waitFor(() =>
      expect(store.getState().appInfo?.secretStorage).toEqual({
        description: 'the macOS keychain',
        encrypted: true,
      }),
    )
  })

  it('stays unknown when an older core does not say', async () => {
    const { store } = setUp({ secretStorage: null })
    await vi.waitFor(() => expect(store.getState().appInfo).not.toBeNull())
    expect(store.getState().appInfo?.secretStorage).toBeUndefined()
  })
})

describe('data files main set aside', () => {
  it('are shown as a notice once app.info tells of them', async () => {
    const { store } = setUp({
      notices: ['Your saved accounts could not be read: accounts.json in /d was damaged.'],
    })
    await vi.waitFor(() =>
      expect(store.getState().linkNotice).toMatchObject({
        kind: 'app',
        level: 'error',
        message: 'Your saved accounts could not be read: accounts.json in /d was damaged.',
      }),
    )
  })

  it('show nothing when there were none', async () => {
    const { store } = setUp({ notices: [] })
    await vi.waitFor(() => expect(store.getState().appInfo).not.toBeNull())
    expect(store.getState().linkNotice).toBeNull()
  })
})

describe('importing from the AWS CLI', () => {
  it('reads the profiles each time the add form opens, not for editing', async () => {
    const { store, callsOf } = setUp({ importable: [dss] })
    expect(store.getState().importable).toEqual([])
    store.getState().openEditor({ mode: 'add', kind: 'custom' })
    await vi.waitFor(() => expect(store.getState().importable).toEqual([dss]))
    store.getState().openEditor({ mode: 'add', kind: 'dss-archive' })
    store.getState().openEditor({ mode: 'edit', accountId: 'sandbox' })
    // Calls are recorded as they are made: an edit form's read would already be here.
    expect(callsOf('accounts.importable')).toHaveLength(2)
  })

  it('offers nothing when the profiles cannot be read', async () => {
    const { store, callsOf } = setUp({
      importable: [dss],
      failCommand: (name) =>
        name === 'accounts.importable'
          ? { ok: false, error: { code: 'UNKNOWN', message: 'unreadable' } }
          : null,
    })
    store.getState().openEditor({ mode: 'add', kind: 'custom' })
    await vi.waitFor(() => expect(callsOf('accounts.importable')).toHaveLength(1))
    await vi.waitFor(() => expect(store.getState().importable).toEqual([]))
  })

  it("tests and saves with the profile's secret named, never carried", async () => {
    const { store, callsOf } = setUp({ importable: [dss] })
    const draft = {
      name: 'dss',
      kind: 'dss-standard',
      endpoint: 'https://s3-standard.oortech.com',
      accessKeyId: 'AKIADSS',
      secretAccessKey: '',
      secretFrom: { source: 'profile', name: 'dss' },
    } as const
    await store.getState().testConnection({ draft })
    expect(store.getState().connectionTest.state).toBe('ok')
    await store.getState().saveAccount({ draft })
    expect(store.getState().saveStatus.state).toBe('idle')
    expect(callsOf('accounts.save')[0]?.request).toEqual({ draft })

    // A profile that lost its secret since: main's error, next to the form.
    await store.getState().saveAccount({
      draft: { ...draft, secretFrom: { source: 'profile', name: 'gone' } },
    })
    expect(store.getState().saveStatus).toMatchObject({
      state: 'failed',
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('"gone"') },
    })
  })
})
