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
import type { DeserializeMiddleware } from '@smithy/types'
import type { FolderEntry, ObjectEntry, ObjectPage } from '../../../shared/objects'
import { compareKeys } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import type { RequestPriority } from '../request-governor'
import { priorityMiddleware } from '../s3-client'
import { parseListBucketResult, type ListBucketResultXml } from './list-xml'
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
  /** Entries one answer may hand back from a listing's read-ahead (default `maxKeys`). */
  readonly maxEntries?: number
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

/** The same, from our own reading of the answer's XML (list-xml.ts). */
const entriesOfXml = (
  answer: ListBucketResultXml,
): { objects: ObjectEntry[]; folders: FolderEntry[] } => {
  const encoded = answer.encodingType === 'url'
  return {
    objects: answer.objects.map((object) => ({
      ...object,
      key: decodeListedKey(object.key, encoded),
    })),
    folders: answer.prefixes.map((prefix) => ({ prefix: decodeListedKey(prefix, encoded) })),
  }
}

/** An answer the SDK reads in no time, given to it once ours has read the real one. */
const READ_ALREADY = new TextEncoder().encode(
  '<?xml version="1.0" encoding="UTF-8"?>' +
    '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></ListBucketResult>',
)

const bodyBytes = async (body: unknown): Promise<Buffer> => {
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.length)
  const chunks: Buffer[] = []
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks)
}

type OwnReading = { answer: ListBucketResultXml | null }

/**
 * For one ListObjectsV2 command: each successful answer is read by list-xml.ts, before the SDK's
 * parser (about ten times its cost) sees it; what that reader does not understand is left to the
 * SDK, byte for byte. Errors, retries and time limits are the client's as for any command.
 */
const readOwnWay =
  <Input extends object, Output extends object>(
    reading: OwnReading,
  ): DeserializeMiddleware<Input, Output> =>
  (next) =>
  async (args) => {
    const result = await next(args)
    const response = result.response as { statusCode?: number; body?: unknown }
    reading.answer = null
    if (response.statusCode !== 200 || response.body === undefined || response.body === null) {
      return result
    }
    const bytes = await bodyBytes(response.body)
    reading.answer = parseListBucketResult(bytes.toString('utf8'))
    response.body = reading.answer ? READ_ALREADY : bytes
    return result
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
    const reading: OwnReading = { answer: null }
    const command = prioritised(
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
    )
    command.middlewareStack.add(readOwnWay(reading), {
      step: 'deserialize',
      priority: 'low',
      name: 'dssOwnListReading',
    })
    const answer = await connection.client.send(command, { abortSignal: signal })
    const own = reading.answer
    const { objects, folders } = own ? entriesOfXml(own) : entriesOf(answer)
    const truncated = own ? own.isTruncated : answer.IsTruncated
    const token = own ? own.nextContinuationToken : answer.NextContinuationToken
    return {
      objects: children(objects, request),
      folders,
      nextToken: truncated ? (token ?? null) : null,
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
