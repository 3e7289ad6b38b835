/** What a bulk operation will take, counted before it runs (listing folders as needed). */
import type { CostEstimate, Selection } from '../../../shared/objects'
import type { Connection } from '../accounts'
import { BATCH } from '../jobs/selection-walk'
import { walkPrefix } from './listing'
import { MAX_SINGLE_COPY_BYTES, copyPartSize } from './multipart-copy'

export type Operation = 'delete' | 'copy' | 'move'

export const estimateCost = async (
  connection: Connection,
  selection: Selection,
  operation: Operation,
  signal?: AbortSignal,
): Promise<CostEstimate> => {
  let objects = selection.keys.length
  let bytes = 0
  let listings = 0
  // Copies of objects over 5 GiB take create + one request per part + complete.
  let extraCopyRequests = 0
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
