/**
 * The sidebar tree: accounts → buckets → folders. A bucket's or folder's subfolders are listed
 * only when it is expanded, a page at a time, keeping just the common prefixes.
 */
import type { DssApi } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { ObjectPage } from '../../shared/objects'
import type { SliceCreator } from './app-state'
import type { ListingStatus } from './browser-slice'
import { checkedPage } from './browser-slice'
import type { Location } from './location'
import { prefixesOverlap } from './location'
import { prefixChain } from '../../shared/s3-keys'
import { createRequestIds, sendCancellable } from './request-ids'

export type FolderList = {
  /** Subfolder prefixes, each ending in '/', in listing order. */
  readonly folders: readonly string[]
  readonly status: ListingStatus
}

export type TreeSlice = {
  /** Accounts whose buckets the user folded away (accounts start open). */
  readonly collapsedAccounts: ReadonlySet<string>
  /** Expanded buckets (prefix '') and folders, by node id. */
  readonly expandedFolders: ReadonlySet<string>
  readonly folderLists: ReadonlyMap<string, FolderList>
  toggleAccount(accountId: string): void
  toggleFolder(node: Location): void
  /**
   * Unfolds the way to a location (its account, bucket and parent folders), listing what is not
   * listed yet, so the tree shows the folder the table has open.
   */
  revealFolder(location: Location): void
  /** Lists a node's subfolders (again). */
  loadFolders(node: Location): Promise<void>
  /** Lists again the expanded nodes a change can touch, and forgets the folded ones. */
  invalidateFolders(change: Location): void
  /** Forgets a deleted bucket's nodes. */
  forgetBucket(accountId: string, bucket: string): void
}

/** A node's id: account, bucket and prefix, which may hold any character. */
export const treeNodeId = ({ accountId, bucket, prefix }: Location): string =>
  JSON.stringify([accountId, bucket, prefix])

/** The node a `treeNodeId` names. */
export const nodeOf = (id: string): Location => {
  const [accountId, bucket, prefix] = JSON.parse(id) as [string, string, string]
  return { accountId, bucket, prefix }
}

export const createTreeSlice =
  (api: DssApi): SliceCreator<TreeSlice> =>
  (set, get) => {
    // The latest run per node: answers to older ones are dropped.
    const runs = new Map<string, number>()
    let nextRun = 0
    /** Loads still waiting for main, by node: collapsing or reloading a folder stops its load. */
    const loading = new Map<string, AbortController>()
    const requestId = createRequestIds()
    const stopLoading = (id: string): void => {
      loading.get(id)?.abort()
      loading.delete(id)
    }

    const put = (id: string, list: FolderList | null): void =>
      set((state) => {
        const folderLists = new Map(state.folderLists)
        if (list) folderLists.set(id, list)
        else folderLists.delete(id)
        return { folderLists }
      })

    return {
      collapsedAccounts: new Set(),
      expandedFolders: new Set(),
      folderLists: new Map(),

      toggleAccount: (accountId) => {
        const collapsed = new Set(get().collapsedAccounts)
        if (!collapsed.delete(accountId)) collapsed.add(accountId)
        set({ collapsedAccounts: collapsed })
        if (!collapsed.has(accountId)) get().ensureBuckets(accountId)
      },

      toggleFolder: (node) => {
        const id = treeNodeId(node)
        const expanded = new Set(get().expandedFolders)
        if (!expanded.delete(id)) expanded.add(id)
        set({ expandedFolders: expanded })
        if (!expanded.has(id) && loading.has(id)) {
          // Collapsed half loaded: main stops listing, and the next expand starts afresh.
          stopLoading(id)
          runs.delete(id)
          put(id, null)
          return
        }
        const list = get().folderLists.get(id)
        if (expanded.has(id) && (list === undefined || list.status.state === 'failed')) {
          void get().loadFolders(node)
        }
      },

      revealFolder: (location) => {
        const { collapsedAccounts, expandedFolders } = get()
        // The bucket (prefix '') and each folder above the open one; the open one stays as it is.
        const way = ['', ...prefixChain(location.prefix)]
          .filter((prefix) => prefix !== location.prefix)
          .map((prefix) => ({ ...location, prefix }))
        const folded = way.filter((node) => !expandedFolders.has(treeNodeId(node)))
        if (!collapsedAccounts.has(location.accountId) && folded.length === 0) return
        const collapsed = new Set(collapsedAccounts)
        collapsed.delete(location.accountId)
        set({
          collapsedAccounts: collapsed,
          expandedFolders: new Set([...expandedFolders, ...folded.map(treeNodeId)]),
        })
        if (collapsedAccounts.has(location.accountId)) get().ensureBuckets(location.accountId)
        for (const node of folded) {
          const list = get().folderLists.get(treeNodeId(node))
          if (list === undefined || list.status.state === 'failed') void get().loadFolders(node)
        }
      },

      loadFolders: async (node) => {
        const id = treeNodeId(node)
        const run = ++nextRun
        runs.set(id, run)
        stopLoading(id)
        const controller = new AbortController()
        loading.set(id, controller)
        const previous = get().folderLists.get(id)
        // A reload keeps the known folders on screen until the new list is complete.
        const shown = previous?.folders ?? []
        put(id, { folders: shown, status: { state: 'loading' } })
        const folders: string[] = []
        let token: string | null = null
        do {
          const result: Result<ObjectPage> = await sendCancellable(
            api,
            requestId('tree'),
            controller.signal,
            (id) =>
              api.invoke('objects.list', {
                ...node,
                recursive: false,
                continuationToken: token,
                maxKeys: 1000,
                requestId: id,
              }),
          )
          if (runs.get(id) !== run) return
          const page = checkedPage(result, token)
          if (!page.ok) {
            loading.delete(id)
            put(id, { folders: shown, status: { state: 'failed', error: page.error } })
            return
          }
          folders.push(...page.value.folders.map(({ prefix }) => prefix))
          token = page.value.nextToken
          if (token !== null && previous === undefined) {
            put(id, { folders: [...folders], status: { state: 'loading' } })
          }
        } while (token !== null)
        loading.delete(id)
        put(id, { folders, status: { state: 'complete' } })
      },

      invalidateFolders: (change) => {
        for (const id of get().folderLists.keys()) {
          const node = nodeOf(id)
          if (
            node.accountId !== change.accountId ||
            node.bucket !== change.bucket ||
            !prefixesOverlap(node.prefix, change.prefix)
          ) {
            continue
          }
          if (get().expandedFolders.has(id)) void get().loadFolders(node)
          else {
            runs.delete(id)
            put(id, null)
          }
        }
      },

      forgetBucket: (accountId, bucket) => {
        const gone = (id: string): boolean => {
          const node = nodeOf(id)
          return node.accountId === accountId && node.bucket === bucket
        }
        set((state) => ({
          expandedFolders: new Set([...state.expandedFolders].filter((id) => !gone(id))),
          folderLists: new Map([...state.folderLists].filter(([id]) => !gone(id))),
        }))
      },
    }
  }
