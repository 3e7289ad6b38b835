/** A store on the fake API with the sandbox's buckets listed, for the object browser's tests. */
import { expect, vi } from 'vitest'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import type { FakeOptions } from '../api/fake-dss-api.test-fixture'
import { createFakeDssApi, sandboxAccount } from '../api/fake-dss-api.test-fixture'
import type { FakeObjectSeed } from '../api/fake-object-store.test-fixture'
import type { StoreOptions } from './create-app-store'
import { createAppStore } from './create-app-store'
import type { Location } from './location'
import { entriesOfPage, type Entry } from './object-entry'
import { startSubscriptions } from './subscriptions'

export const demo: Location = { accountId: SANDBOX_ACCOUNT_ID, bucket: 'demo', prefix: '' }

export const setUpBrowser = async (
  objects: Readonly<Record<string, readonly FakeObjectSeed[]>>,
  options: Omit<FakeOptions, 'objects' | 'buckets' | 'accounts'> = {},
  storeOptions?: StoreOptions,
) => {
  const api = createFakeDssApi({
    accounts: [sandboxAccount],
    buckets: {
      [SANDBOX_ACCOUNT_ID]: Object.keys(objects).map((name) => ({ name, createdAt: null })),
    },
    objects: { [SANDBOX_ACCOUNT_ID]: objects },
    ...options,
  })
  const store = createAppStore(api, storeOptions)
  const stop = startSubscriptions(store, api)
  await vi.waitFor(() =>
    expect(store.getState().bucketLists.get(SANDBOX_ACCOUNT_ID)?.state).toBe('loaded'),
  )
  const callsOf = (name: string) => api.calls.filter((call) => call.name === name)
  return { api, store, stop, callsOf }
}

/** Opens a location and waits until its listing is complete. */
export const openAndWait = async (
  store: Awaited<ReturnType<typeof setUpBrowser>>['store'],
  location: Location,
) => {
  store.getState().openLocation(location)
  await vi.waitFor(() => expect(store.getState().listing?.status.state).toBe('complete'))
}

/** The visible names, in order. */
export const names = (entries: readonly { readonly name: string }[]) =>
  entries.map(({ name }) => name)

/** Table rows of a folder at the bucket's top holding these object keys (size: `size(index)`). */
export const rowsOfKeys = (
  keys: readonly string[],
  size: (index: number) => number = () => 1,
): Entry[] =>
  entriesOfPage(
    {
      folders: [],
      objects: keys.map((key, index) => ({
        key,
        size: size(index),
        lastModified: null,
        etag: null,
        storageClass: null,
      })),
      nextToken: null,
    },
    '',
    false,
  )
