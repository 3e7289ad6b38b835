/** What a bulk operation will take, counted before it runs (listing folders as needed). */
import type { CostEstimate, Selection } from '../../../shared/objects'
import { compareKeys, parentPrefix } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import { BATCH } from '../jobs/selection-walk'
import { listPage, walkPrefix } from './listing'
import { MAX_SINGLE_COPY_BYTES, copyPartSize } from './multipart-copy'

export type Operation = 'delete' | 'copy' | 'move'

type KeySizes = { readonly sizes: ReadonlyMap<string, number>; readonly listings: number }

/**
 * The sizes of picked keys, read from listings of their folders (a page holds 1,000 siblings;
 * never a HEAD per key). A folder's listing stops once it is past its last picked key.
 */
export const sizesOfKeys = async (
  connection: Connection,
  bucket: string,
  keys: readonly string[],
  signal?: AbortSignal,
): Promise<KeySizes> => {
  const byFolder = new Map<string, string[]>()
  for (const key of keys) {
    const folder = parentPrefix(key)
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), key])
  }
  const sizes = new Map<string, number>()
  let listings = 0
  for (const [folder, picked] of byFolder) {
    const wanted = new Set(picked)
    const last = [...picked].sort(compareKeys).at(-1) ?? ''
    let token: string | null = null
    do {
      const page = await listPage(
        connection,
        { bucket, prefix: folder, recursive: false, continuationToken: token, maxKeys: 1000 },
        signal,
      )
      listings += 1
      for (const object of page.objects) {
        if (wanted.has(object.key)) sizes.set(object.key, object.size)
      }
      const lastListed = page.objects.at(-1)?.key
      token = lastListed !== undefined && compareKeys(lastListed, last) >= 0 ? null : page.nextToken
    } while (token)
  }
  return { sizes, listings }
}

export const estimateCost = async (
  connection: Connection,
  selection: Selection,
  operation: Operation,
  signal?: AbortSignal,
): Promise<CostEstimate> => {
  // Copies of objects over 5 GiB take create + one request per part + complete.
  let extraCopyRequests = 0
  // Picked objects count with their sizes too, not only what is under picked folders.
  const picked = await sizesOfKeys(connection, selection.bucket, selection.keys, signal)
  let objects = selection.keys.length
  let bytes = 0
  for (const size of picked.sizes.values()) {
    bytes += size
    if (size > MAX_SINGLE_COPY_BYTES) extraCopyRequests += Math.ceil(size / copyPartSize(size)) + 1
  }
  let listings = picked.listings
  for (const prefix of selection.prefixes) {
    for await (const page of walkPrefix(connection, selection.bucket, prefix, signal)) {
      listings += 1
      objects += page.length
      for (const object of page) {
        bytes += object.size
        if (object.size > MAX_SINGLE_COPY_BYTES) {
          extraCopyRequests += Math.ceil(object.size / copyPartSize(object.size)) + 1
        }
      }
    }
  }
  const batches = Math.ceil(objects / BATCH)
  const perObject =
    operation === 'delete'
      ? 0
      : // copy: one CopyObject (a HEAD first for picked keys); move: + a verifying HEAD
        objects + selection.keys.length + extraCopyRequests + (operation === 'move' ? objects : 0)
  const requests = listings + perObject + (operation === 'copy' ? 0 : batches)
  return {
    objects,
    bytes,
    requests,
    seconds: Math.ceil((requests / connection.governor.rate) * 10) / 10,
  }
}
