/**
 * Which keys of a batch exist already, from listings of their folders — never a HEAD per key,
 * never ListMultipartUploads (DSS.md §1, §8). Folders (keys ending in '/') count as existing when
 * anything is stored under them.
 */
import { keyProblem, parentPrefix, prefixChain } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import { listPage, walkPrefix } from '../objects/listing'

/** Up to this many distinct folders are listed one by one; more, and their common root is. */
const FOLDERS_LISTED_ONE_BY_ONE = 20

const commonPrefix = (prefixes: readonly string[]): string => {
  let common = prefixes[0] ?? ''
  for (const prefix of prefixes) {
    while (!prefix.startsWith(common)) common = common.slice(0, -1)
  }
  return common.slice(0, common.lastIndexOf('/') + 1)
}

const listFolder = async (
  connection: Connection,
  bucket: string,
  prefix: string,
  found: Set<string>,
  signal?: AbortSignal,
): Promise<void> => {
  let continuationToken: string | null = null
  do {
    const page = await listPage(
      connection,
      { bucket, prefix, recursive: false, continuationToken, maxKeys: 1000 },
      signal,
    )
    for (const object of page.objects) found.add(object.key)
    for (const folder of page.folders) found.add(folder.prefix)
    continuationToken = page.nextToken
  } while (continuationToken)
}

/** Everything stored in the folders of these keys (so "name (1)" can be checked too). */
export const keysAround = async (
  connection: Connection,
  bucket: string,
  keys: readonly string[],
  signal?: AbortSignal,
): Promise<Set<string>> => {
  const parents = [...new Set(keys.map(parentPrefix))]
  const found = new Set<string>()
  if (parents.length <= FOLDERS_LISTED_ONE_BY_ONE) {
    for (const parent of parents) await listFolder(connection, bucket, parent, found, signal)
  } else {
    for await (const page of walkPrefix(connection, bucket, commonPrefix(parents), signal)) {
      for (const object of page) {
        found.add(object.key)
        for (const folder of prefixChain(object.key)) found.add(folder)
      }
    }
  }
  return found
}

export const existingKeys = async (
  connection: Connection,
  bucket: string,
  keys: readonly string[],
  signal?: AbortSignal,
): Promise<string[]> => {
  // A key S3 cannot take cannot exist; its upload fails alone (upload-plan.ts).
  const possible = [...new Set(keys)].filter((key) => keyProblem(key) === null)
  const found = await keysAround(connection, bucket, possible, signal)
  return possible.filter((key) => found.has(key))
}
