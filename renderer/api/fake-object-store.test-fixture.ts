/**
 * The buckets and objects behind the fake API: sorted keys per bucket, listed page by page the
 * way S3 does (delimiter '/', continuation after the last entry). Test code only.
 */
import type { BucketSummary } from '../../shared/accounts'
import type { CommandRequest } from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import type { ObjectPage, ObjectProperties } from '../../shared/objects'
import { isFolderKey } from '../../shared/s3-keys'

/** A key alone, or a key with the properties a test cares about. */
export type FakeObjectSeed =
  | string
  | {
      readonly key: string
      readonly size?: number
      readonly contentType?: string
      readonly metadata?: Readonly<Record<string, string>>
      readonly body?: string
    }

export type StoredObject = ObjectProperties & { readonly body: string }

type FakeBucket = {
  readonly summary: BucketSummary
  /** Sorted by code unit, close enough to S3's UTF-8 byte order for a fake. */
  keys: string[]
  readonly objects: Map<string, StoredObject>
}

const failure = (code: AppError['code'], message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

/** The first index whose key is not below `key`. */
const lowerBound = (keys: readonly string[], key: string): number => {
  let low = 0
  let high = keys.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((keys[middle] ?? '') < key) low = middle + 1
    else high = middle
  }
  return low
}

/** The first key after every key starting with `folder` ('a/' → 'a0', since '0' follows '/'). */
const pastFolder = (folder: string): string => `${folder.slice(0, -1)}0`

/** Where a page starts: at the prefix, or just past the entry the previous page ended on. */
const startOf = (
  keys: readonly string[],
  prefix: string,
  token: string | null,
  recursive: boolean,
): number => {
  if (token === null) return lowerBound(keys, prefix)
  if (!recursive && isFolderKey(token)) return lowerBound(keys, pastFolder(token))
  const at = lowerBound(keys, token)
  return keys[at] === token ? at + 1 : at
}

const contentTypeOf = (key: string): string => {
  const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase()
  const types: Record<string, string> = {
    png: 'image/png',
    svg: 'image/svg+xml',
    txt: 'text/plain',
    md: 'text/markdown',
    json: 'application/json',
    csv: 'text/csv',
  }
  return isFolderKey(key) ? 'application/x-directory' : (types[extension] ?? 'binary/octet-stream')
}

export const storedObject = (seed: FakeObjectSeed, index = 0): StoredObject => {
  const spec = typeof seed === 'string' ? { key: seed } : seed
  const body = spec.body ?? (isFolderKey(spec.key) ? '' : `Contents of ${spec.key}\n`)
  return {
    key: spec.key,
    size: spec.size ?? body.length,
    etag: `"etag-${index}"`,
    contentType: spec.contentType ?? contentTypeOf(spec.key),
    cacheControl: null,
    contentDisposition: null,
    contentEncoding: null,
    lastModified: new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString(),
    storageClass: 'STANDARD',
    metadata: spec.metadata ?? {},
    body,
  }
}

export type FakeObjectStore = ReturnType<typeof createFakeObjectStore>

export const createFakeObjectStore = (
  buckets: Readonly<Record<string, readonly BucketSummary[]>>,
  objects: Readonly<Record<string, Readonly<Record<string, readonly FakeObjectSeed[]>>>>,
) => {
  const accounts = new Map<string, FakeBucket[]>()
  for (const [accountId, summaries] of Object.entries(buckets)) {
    accounts.set(
      accountId,
      summaries.map((summary) => {
        const stored = (objects[accountId]?.[summary.name] ?? []).map(storedObject)
        const keys = stored.map(({ key }) => key).sort()
        return { summary, keys, objects: new Map(stored.map((object) => [object.key, object])) }
      }),
    )
  }

  const find = (accountId: string, name: string): FakeBucket | undefined =>
    accounts.get(accountId)?.find((bucket) => bucket.summary.name === name)

  const noBucket = (name: string) =>
    failure('NO_SUCH_BUCKET', `The bucket "${name}" does not exist.`)

  /** Every key under a prefix, in order. */
  const keysUnder = (bucket: FakeBucket, prefix: string): string[] => {
    const start = lowerBound(bucket.keys, prefix)
    const end = prefix === '' ? bucket.keys.length : lowerBound(bucket.keys, `${prefix}\uffff`)
    return bucket.keys.slice(start, end).filter((key) => key.startsWith(prefix))
  }

  const put = (bucket: FakeBucket, object: StoredObject): void => {
    if (!bucket.objects.has(object.key)) {
      bucket.keys.splice(lowerBound(bucket.keys, object.key), 0, object.key)
    }
    bucket.objects.set(object.key, object)
  }

  const remove = (bucket: FakeBucket, key: string): void => {
    if (!bucket.objects.delete(key)) return
    bucket.keys.splice(lowerBound(bucket.keys, key), 1)
  }

  const list = (request: CommandRequest<'objects.list'>): Result<ObjectPage> => {
    const bucket = find(request.accountId, request.bucket)
    if (!bucket) return noBucket(request.bucket)
    const { prefix, continuationToken: token = null } = request
    const recursive = request.recursive ?? false
    const maxKeys = request.maxKeys ?? 1000
    const { keys } = bucket
    let at = startOf(keys, prefix, token, recursive)
    const page = { folders: [] as { prefix: string }[], objects: [] as StoredObject[] }
    let last: string | null = null
    while (at < keys.length && page.folders.length + page.objects.length < maxKeys) {
      const key = keys[at] ?? ''
      if (!key.startsWith(prefix)) break
      const slash = recursive ? -1 : key.indexOf('/', prefix.length)
      if (slash !== -1) {
        last = key.slice(0, slash + 1)
        page.folders.push({ prefix: last })
        at = lowerBound(keys, pastFolder(last))
        continue
      }
      last = key
      if (recursive || key !== prefix) page.objects.push(bucket.objects.get(key) as StoredObject)
      at += 1
    }
    const more = at < keys.length && (keys[at] ?? '').startsWith(prefix)
    return {
      ok: true,
      value: {
        folders: page.folders,
        objects: page.objects.map(({ key, size, lastModified, etag, storageClass }) => ({
          key,
          size,
          lastModified,
          etag,
          storageClass,
        })),
        nextToken: more ? last : null,
      },
    }
  }

  return {
    find,
    keysUnder,
    put,
    remove,
    list,
    noBucket,
    bucketsOf: (accountId: string): readonly BucketSummary[] | undefined =>
      accounts.get(accountId)?.map(({ summary }) => summary),

    createBucket: (accountId: string, name: string): Result<BucketSummary> => {
      if (find(accountId, name)) {
        return failure('BUCKET_EXISTS', `A bucket named "${name}" already exists.`)
      }
      const summary = { name, createdAt: new Date().toISOString() }
      accounts.set(accountId, [
        ...(accounts.get(accountId) ?? []),
        { summary, keys: [], objects: new Map() },
      ])
      return { ok: true, value: summary }
    },

    deleteBucket: (accountId: string, name: string, force = false): Result<null> => {
      const bucket = find(accountId, name)
      if (!bucket) return noBucket(name)
      if (bucket.keys.length > 0 && !force) {
        return failure('BUCKET_NOT_EMPTY', `The bucket "${name}" still holds objects.`)
      }
      accounts.set(
        accountId,
        (accounts.get(accountId) ?? []).filter((other) => other !== bucket),
      )
      return { ok: true, value: null }
    },

    object: (accountId: string, bucketName: string, key: string): Result<StoredObject> => {
      const bucket = find(accountId, bucketName)
      if (!bucket) return noBucket(bucketName)
      const object = bucket.objects.get(key)
      return object
        ? { ok: true, value: object }
        : failure('NO_SUCH_KEY', `There is no object "${key}" in ${bucketName}.`)
    },
  }
}
