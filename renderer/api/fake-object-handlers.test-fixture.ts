/** The fake API's bucket and object commands, answered from the fake object store. */
import type { CommandName, CommandRequest, CommandResponse } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { ObjectProperties } from '../../shared/objects'
import { bucketNameProblem } from '../../shared/bucket-names'
import { folderNameProblem, joinKey } from '../../shared/s3-keys'
import type { FakeObjectStore } from './fake-object-store.test-fixture'
import { storedObject } from './fake-object-store.test-fixture'

type ObjectCommand =
  | 'buckets.create'
  | 'buckets.delete'
  | 'objects.list'
  | 'objects.head'
  | 'objects.updateProperties'
  | 'objects.createFolder'
  | 'objects.preview'
  | 'objects.estimate'

type ObjectHandlers = {
  [C in ObjectCommand & CommandName]: (request: CommandRequest<C>) => Result<CommandResponse<C>>
}

// A 2×2 checkerboard PNG, small enough to inline.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNgYGD4z8DAwMDEwMDAAAAVAAIt3sT2AAAAAElFTkSuQmCC'

const properties = (object: ObjectProperties): ObjectProperties => ({
  key: object.key,
  size: object.size,
  etag: object.etag,
  contentType: object.contentType,
  cacheControl: object.cacheControl,
  contentDisposition: object.contentDisposition,
  contentEncoding: object.contentEncoding,
  lastModified: object.lastModified,
  storageClass: object.storageClass,
  metadata: object.metadata,
})

export const createObjectHandlers = (
  store: FakeObjectStore,
  rateLimitOf: (accountId: string) => number,
): ObjectHandlers => ({
  'buckets.create': ({ accountId, name }) => {
    const problem = bucketNameProblem(name)
    if (problem) return { ok: false, error: { code: 'INVALID_BUCKET_NAME', message: problem } }
    return store.createBucket(accountId, name)
  },
  'buckets.delete': ({ accountId, name }) => store.deleteBucket(accountId, name),
  'objects.list': (request) => store.list(request),
  'objects.head': ({ accountId, bucket, key }) => {
    const found = store.object(accountId, bucket, key)
    return found.ok ? { ok: true, value: properties(found.value) } : found
  },
  'objects.updateProperties': ({ accountId, bucket, key, contentType, cacheControl, metadata }) => {
    const found = store.object(accountId, bucket, key)
    if (!found.ok) return found
    const updated = { ...found.value, contentType, cacheControl, metadata }
    store.put(store.find(accountId, bucket) ?? never(), updated)
    return { ok: true, value: properties(updated) }
  },
  'objects.createFolder': ({ accountId, bucket, prefix, name }) => {
    const problem = folderNameProblem(name)
    if (problem) return { ok: false, error: { code: 'INVALID_KEY', message: problem } }
    const found = store.find(accountId, bucket)
    if (!found) return store.noBucket(bucket)
    const key = joinKey(prefix, `${name}/`)
    store.put(found, storedObject({ key, body: '' }, found.keys.length))
    return { ok: true, value: { key } }
  },
  'objects.preview': ({ accountId, bucket, key }) => {
    const found = store.object(accountId, bucket, key)
    if (!found.ok) return found
    const { contentType, body, size } = found.value
    if (contentType?.startsWith('image/')) {
      return { ok: true, value: { kind: 'image', contentType, dataUrl: PNG } }
    }
    if (contentType?.startsWith('text/') || contentType === 'application/json') {
      return {
        ok: true,
        value: { kind: 'text', text: body.slice(0, 4096), truncated: size > 4096 },
      }
    }
    return { ok: true, value: { kind: 'none', reason: 'No preview for this type of file.' } }
  },
  'objects.estimate': ({ accountId, selection }) => {
    const bucket = store.find(accountId, selection.bucket)
    if (!bucket) return store.noBucket(selection.bucket)
    let objects = selection.keys.length
    let bytes = 0
    let listings = 0
    for (const prefix of selection.prefixes) {
      const keys = store.keysUnder(bucket, prefix)
      objects += keys.length
      listings += Math.max(1, Math.ceil(keys.length / 1000))
      for (const key of keys) bytes += bucket.objects.get(key)?.size ?? 0
    }
    const requests = listings + Math.ceil(objects / 1000)
    return {
      ok: true,
      value: { objects, bytes, requests, seconds: requests / rateLimitOf(accountId) },
    }
  },
})

const never = (): never => {
  throw new Error('The bucket vanished while it was being written.')
}
