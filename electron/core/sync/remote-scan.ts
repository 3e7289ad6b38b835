/**
 * The remote side of a sync: recursive listings of the bucket folder (ListObjectsV2 without a
 * delimiter, 1,000 keys a request, in sequence), never a HEAD per object. Folder markers with nothing under
 * them are empty folders; keys with an empty segment ('a//b') are skipped with a reason.
 */
import type { Connection } from '../accounts'
import { walkListing } from '../objects/parallel-listing'
import { safeSegment } from '../transfers/local-path'
import type { RemoteEntry, SideScan, Skipped } from './side-entries'

/** Whether a relative key maps to the same local path, segment for segment. */
export const localNameProblem = (relative: string): string | null => {
  const segments = relative.replace(/\/$/, '').split('/')
  if (segments.some((segment) => segment === '' || segment !== safeSegment(segment))) {
    return 'Its name cannot be a file name on this computer unchanged, so it is not synced.'
  }
  return null
}

export type RemoteScan = SideScan<RemoteEntry> & { readonly requests: number }

export const scanRemote = async (
  connection: Connection,
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
  progress: (objects: number) => void = () => undefined,
): Promise<RemoteScan> => {
  const entries = new Map<string, RemoteEntry>()
  const markers: string[] = []
  const skipped: Skipped[] = []
  let requests = 0
  let objects = 0
  // One page after another: exactly one request per 1,000 keys. The parallel walk is faster on
  // a large bucket but guesses ranges ahead, and on a 10,000-key folder sent 110 requests for
  // 11 pages; a sync that is in step should cost as few requests as possible.
  const scope = { bucket, prefix, recursive: true, maxKeys: 1000 }
  for await (const { objects: page } of walkListing(connection, scope, signal, {
    parallel: false,
  })) {
    requests += 1
    for (const object of page) {
      const relative = object.key.slice(prefix.length)
      // The pair's own folder marker is its root.
      if (relative === '') continue
      if (
        relative
          .split('/')
          .slice(0, -1)
          .some((segment) => segment === '')
      ) {
        skipped.push({
          path: relative,
          reason: 'Its name has an empty folder ("//"), which no local folder can have.',
        })
      } else if (relative.endsWith('/')) {
        markers.push(relative)
      } else {
        entries.set(relative, {
          kind: 'file',
          size: object.size,
          lastModified: object.lastModified,
          etag: object.etag,
        })
      }
    }
    objects += page.length
    progress(objects)
  }
  const keys = [...entries.keys(), ...markers]
  for (const marker of markers) {
    // A marker with anything under it is implied by what is under it.
    if (!keys.some((key) => key !== marker && key.startsWith(marker))) {
      entries.set(marker, { kind: 'folder' })
    }
  }
  // An empty folder yields no page, yet its listing was one request.
  return { entries, skipped, requests: Math.max(requests, 1) }
}
