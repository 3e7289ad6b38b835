/**
 * Folder listings, page by page: ListObjectsV2, falling back to ListObjects (v1) for servers
 * that refuse V2. One request per page of up to 1,000 entries; never a HEAD per object.
 */
import {
  ListObjectsCommand,
  ListObjectsV2Command,
  type _Object,
  type CommonPrefix,
} from '@aws-sdk/client-s3'
import type { FolderEntry, ObjectEntry, ObjectPage } from '../../../shared/objects'
import type { Connection } from '../accounts'

export type ListRequest = {
  readonly bucket: string
  readonly prefix: string
  readonly recursive: boolean
  readonly continuationToken: string | null
  readonly maxKeys: number
}

/** Servers that answered V2 with "not implemented": remembered per client. */
const v1Only = new WeakSet<object>()

const V2_REFUSALS = new Set(['NotImplemented', 'InvalidArgument', 'MethodNotAllowed'])

const toObject = (object: _Object): ObjectEntry => ({
  key: object.Key ?? '',
  size: object.Size ?? 0,
  lastModified: object.LastModified?.toISOString() ?? null,
  etag: object.ETag ?? null,
  storageClass: object.StorageClass ?? null,
})

const toFolder = (prefix: CommonPrefix): FolderEntry => ({ prefix: prefix.Prefix ?? '' })

/**
 * In a folder view the folder's own marker ("a/" when listing "a/") is not a child; a recursive
 * listing keeps it, since it is an object under the prefix.
 */
const children = (objects: readonly ObjectEntry[], request: ListRequest): ObjectEntry[] =>
  request.recursive ? [...objects] : objects.filter((object) => object.key !== request.prefix)

const listV1 = async (
  connection: Connection,
  request: ListRequest,
  signal?: AbortSignal,
): Promise<ObjectPage> => {
  const answer = await connection.client.send(
    new ListObjectsCommand({
      Bucket: request.bucket,
      Prefix: request.prefix || undefined,
      Delimiter: request.recursive ? undefined : '/',
      Marker: request.continuationToken ?? undefined,
      MaxKeys: request.maxKeys,
    }),
    { abortSignal: signal },
  )
  const objects = (answer.Contents ?? []).map(toObject)
  const folders = (answer.CommonPrefixes ?? []).map(toFolder)
  // V1 pages continue from NextMarker, or (without a delimiter) from the last key.
  const last = [...objects.map((o) => o.key), ...folders.map((f) => f.prefix)].sort().at(-1)
  return {
    objects: children(objects, request),
    folders,
    nextToken: answer.IsTruncated ? (answer.NextMarker ?? last ?? null) : null,
  }
}

export const listPage = async (
  connection: Connection,
  request: ListRequest,
  signal?: AbortSignal,
): Promise<ObjectPage> => {
  if (v1Only.has(connection.client)) return listV1(connection, request, signal)
  try {
    const answer = await connection.client.send(
      new ListObjectsV2Command({
        Bucket: request.bucket,
        Prefix: request.prefix || undefined,
        Delimiter: request.recursive ? undefined : '/',
        ContinuationToken: request.continuationToken ?? undefined,
        MaxKeys: request.maxKeys,
      }),
      { abortSignal: signal },
    )
    return {
      objects: children((answer.Contents ?? []).map(toObject), request),
      folders: (answer.CommonPrefixes ?? []).map(toFolder),
      nextToken: answer.IsTruncated ? (answer.NextContinuationToken ?? null) : null,
    }
  } catch (error) {
    const name = (error as { name?: string }).name ?? ''
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
    if (!V2_REFUSALS.has(name) && status !== 501) throw error
    v1Only.add(connection.client)
    return listV1(connection, request, signal)
  }
}

/** Every object under a prefix, recursively, a page at a time. */
export async function* walkPrefix(
  connection: Connection,
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
): AsyncGenerator<readonly ObjectEntry[]> {
  let token: string | null = null
  do {
    const page: ObjectPage = await listPage(
      connection,
      { bucket, prefix, recursive: true, continuationToken: token, maxKeys: 1000 },
      signal,
    )
    yield page.objects
    token = page.nextToken
  } while (token)
}
