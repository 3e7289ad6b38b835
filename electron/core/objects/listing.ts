/**
 * Folder listings, page by page: ListObjectsV2, falling back to ListObjects (v1) for servers
 * that refuse V2. One request per page of up to 1,000 entries; never a HEAD per object. Keys
 * travel url-encoded (listing-encoding.ts), so every byte of a key survives.
 */
import {
  ListObjectsCommand,
  ListObjectsV2Command,
  type _Object,
  type CommonPrefix,
} from '@aws-sdk/client-s3'
import type { FolderEntry, ObjectEntry, ObjectPage } from '../../../shared/objects'
import { compareKeys } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import type { RequestPriority } from '../request-governor'
import { priorityMiddleware } from '../s3-client'
import { decodeListedKey } from './listing-encoding'
import { walkListing } from './parallel-listing'

export type ListRequest = {
  readonly bucket: string
  readonly prefix: string
  readonly recursive: boolean
  readonly continuationToken: string | null
  /** For a first page: list only keys after this one (ListObjects v1 calls it Marker). */
  readonly startAfter?: string | null
  readonly maxKeys: number
  /** The governor's queue for it: a parallel listing's later ranges are read-ahead. */
  readonly priority?: RequestPriority
}

/** Servers that answered V2 with "not implemented": remembered per client. */
const v1Only = new WeakSet<object>()

/** Whether this connection's server was found to answer only ListObjects v1. */
export const isV1Only = (connection: Connection): boolean => v1Only.has(connection.client)

const V2_REFUSALS = new Set(['NotImplemented', 'InvalidArgument', 'MethodNotAllowed'])

const DELIMITER = '/'

const toObject = (object: _Object, encoded: boolean): ObjectEntry => ({
  key: decodeListedKey(object.Key ?? '', encoded),
  size: object.Size ?? 0,
  lastModified: object.LastModified?.toISOString() ?? null,
  etag: object.ETag ?? null,
  storageClass: object.StorageClass ?? null,
})

const toFolder = (prefix: CommonPrefix, encoded: boolean): FolderEntry => ({
  prefix: decodeListedKey(prefix.Prefix ?? '', encoded),
})

/** What a page holds, with its keys decoded as the answer says they were encoded. */
const entriesOf = (answer: {
  Contents?: _Object[]
  CommonPrefixes?: CommonPrefix[]
  EncodingType?: string
}): { objects: ObjectEntry[]; folders: FolderEntry[] } => {
  const encoded = answer.EncodingType === 'url'
  return {
    objects: (answer.Contents ?? []).map((object) => toObject(object, encoded)),
    folders: (answer.CommonPrefixes ?? []).map((prefix) => toFolder(prefix, encoded)),
  }
}

/**
 * In a folder view the folder's own marker ("a/" when listing "a/") is not a child; a recursive
 * listing keeps it, since it is an object under the prefix.
 */
const children = (objects: readonly ObjectEntry[], request: ListRequest): ObjectEntry[] =>
  request.recursive ? [...objects] : objects.filter((object) => object.key !== request.prefix)

/** The command, its requests queued at the request's priority when it has one. */
const prioritised = <C extends ListObjectsCommand | ListObjectsV2Command>(
  request: ListRequest,
  command: C,
): C => {
  if (request.priority) {
    const stack = command.middlewareStack as ListObjectsV2Command['middlewareStack']
    stack.add(priorityMiddleware(request.priority), { step: 'initialize', name: 'dssPriority' })
  }
  return command
}

const listV1 = async (
  connection: Connection,
  request: ListRequest,
  signal?: AbortSignal,
): Promise<ObjectPage> => {
  const answer = await connection.client.send(
    prioritised(
      request,
      new ListObjectsCommand({
        Bucket: request.bucket,
        Prefix: request.prefix || undefined,
        Delimiter: request.recursive ? undefined : DELIMITER,
        Marker: request.continuationToken ?? request.startAfter ?? undefined,
        MaxKeys: request.maxKeys,
        EncodingType: 'url',
      }),
    ),
    { abortSignal: signal },
  )
  const { objects, folders } = entriesOf(answer)
  // A V1 page continues after its last key or folder in S3's order, which is what NextMarker
  // holds; it is worked out here because servers disagree on whether NextMarker is encoded.
  const last = [...objects.map((o) => o.key), ...folders.map((f) => f.prefix)]
    .sort(compareKeys)
    .at(-1)
  return {
    objects: children(objects, request),
    folders,
    nextToken: answer.IsTruncated ? (last ?? null) : null,
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
      prioritised(
        request,
        new ListObjectsV2Command({
          Bucket: request.bucket,
          Prefix: request.prefix || undefined,
          Delimiter: request.recursive ? undefined : DELIMITER,
          ContinuationToken: request.continuationToken ?? undefined,
          StartAfter:
            request.continuationToken === null ? (request.startAfter ?? undefined) : undefined,
          MaxKeys: request.maxKeys,
          EncodingType: 'url',
        }),
      ),
      { abortSignal: signal },
    )
    const { objects, folders } = entriesOf(answer)
    return {
      objects: children(objects, request),
      folders,
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

/**
 * Every object under a prefix, recursively, in S3's order, 1,000 at a time: several pages in
 * flight at once (parallel-listing.ts).
 */
export async function* walkPrefix(
  connection: Connection,
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
): AsyncGenerator<readonly ObjectEntry[]> {
  const scope = { bucket, prefix, recursive: true, maxKeys: 1000 }
  for await (const page of walkListing(connection, scope, signal)) yield page.objects
}
