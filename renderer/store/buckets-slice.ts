/** Each account's bucket list, loaded when the account is opened and on refresh. */
import type { BucketSummary } from '../../shared/accounts'
import type { DssApi } from '../../shared/contract'
import type { AppError } from '../../shared/errors'
import type { SliceCreator } from './app-state'

export type BucketList =
  | { readonly state: 'loading' }
  /** `refreshing` keeps the old list on screen while a refresh runs. */
  | {
      readonly state: 'loaded'
      readonly buckets: readonly BucketSummary[]
      readonly refreshing: boolean
    }
  | { readonly state: 'failed'; readonly error: AppError }

export type BucketsSlice = {
  /** By account id; an account that was never opened has no entry. */
  readonly bucketLists: ReadonlyMap<string, BucketList>
  loadBuckets(accountId: string): Promise<void>
  /** Loads unless a list is already there or on its way. */
  ensureBuckets(accountId: string): void
  /** Creates a bucket, lists it and opens it in the browser. */
  createBucket(accountId: string, name: string): Promise<AppError | null>
  /** Deletes an empty bucket (BUCKET_NOT_EMPTY otherwise: empty it with a job). */
  deleteBucket(accountId: string, name: string): Promise<AppError | null>
}

const byName = (a: BucketSummary, b: BucketSummary): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0

const isBusy = (list: BucketList | undefined): boolean =>
  list?.state === 'loading' || (list?.state === 'loaded' && list.refreshing)

export const createBucketsSlice =
  (api: DssApi): SliceCreator<BucketsSlice> =>
  (set, get) => {
    const put = (accountId: string, list: BucketList): void =>
      set((state) => ({ bucketLists: new Map(state.bucketLists).set(accountId, list) }))
    // The latest listing asked for per account: an answer to an older one is stale.
    const latest = new Map<string, number>()
    let requests = 0

    return {
      bucketLists: new Map(),

      loadBuckets: async (accountId) => {
        const current = get().bucketLists.get(accountId)
        if (isBusy(current)) return
        const request = ++requests
        latest.set(accountId, request)
        put(
          accountId,
          current?.state === 'loaded' ? { ...current, refreshing: true } : { state: 'loading' },
        )
        const result = await api.invoke('buckets.list', { accountId })
        // Superseded (the account was saved with new settings) or removed meanwhile.
        if (latest.get(accountId) !== request || !get().bucketLists.has(accountId)) return
        put(
          accountId,
          result.ok
            ? { state: 'loaded', buckets: result.value, refreshing: false }
            : { state: 'failed', error: result.error },
        )
      },

      ensureBuckets: (accountId) => {
        const current = get().bucketLists.get(accountId)
        if (current === undefined || current.state === 'failed') void get().loadBuckets(accountId)
      },

      createBucket: async (accountId, name) => {
        const result = await api.invoke('buckets.create', { accountId, name })
        if (!result.ok) return result.error
        const current = get().bucketLists.get(accountId)
        if (current?.state === 'loaded') {
          const others = current.buckets.filter((bucket) => bucket.name !== name)
          put(accountId, { ...current, buckets: [...others, result.value].sort(byName) })
        } else {
          void get().loadBuckets(accountId)
        }
        get().openLocation({ accountId, bucket: name, prefix: '' })
        return null
      },

      deleteBucket: async (accountId, name) => {
        const result = await api.invoke('buckets.delete', { accountId, name })
        if (!result.ok) return result.error
        const current = get().bucketLists.get(accountId)
        if (current?.state === 'loaded') {
          put(accountId, {
            ...current,
            buckets: current.buckets.filter((bucket) => bucket.name !== name),
          })
        }
        get().forgetBucket(accountId, name)
        const { location } = get()
        if (location?.accountId === accountId && location.bucket === name) get().closeBrowser()
        return null
      },
    }
  }
