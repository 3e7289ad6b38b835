/** Object properties: HeadObject, and rewriting headers and metadata in place. */
import {
  CopyObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
} from '@aws-sdk/client-s3'
import type { ObjectProperties } from '../../../shared/objects'
import type { Connection } from '../accounts'
import { copySource } from './copy-source'
import { MAX_SINGLE_COPY_BYTES, multipartCopy } from './multipart-copy'

const toProperties = (key: string, head: HeadObjectCommandOutput): ObjectProperties => ({
  key,
  size: head.ContentLength ?? 0,
  etag: head.ETag ?? null,
  contentType: head.ContentType ?? null,
  cacheControl: head.CacheControl ?? null,
  contentDisposition: head.ContentDisposition ?? null,
  contentEncoding: head.ContentEncoding ?? null,
  lastModified: head.LastModified?.toISOString() ?? null,
  storageClass: head.StorageClass ?? null,
  metadata: head.Metadata ?? {},
})

export const headObject = async (
  connection: Connection,
  bucket: string,
  key: string,
  signal?: AbortSignal,
): Promise<ObjectProperties> =>
  toProperties(
    key,
    await connection.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
      abortSignal: signal,
    }),
  )

export type PropertyChanges = {
  readonly contentType: string
  readonly cacheControl: string | null
  readonly metadata: Readonly<Record<string, string>>
}

/**
 * CopyObject onto itself with MetadataDirective REPLACE: every header not being edited is
 * carried over from HeadObject, so nothing is lost (rclone #5243).
 */
export const updateProperties = async (
  connection: Connection,
  bucket: string,
  key: string,
  changes: PropertyChanges,
): Promise<ObjectProperties> => {
  const current = await connection.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
  const headers = {
    ContentType: changes.contentType || undefined,
    CacheControl: changes.cacheControl || undefined,
    ContentDisposition: current.ContentDisposition,
    ContentEncoding: current.ContentEncoding,
    ContentLanguage: current.ContentLanguage,
    Expires: current.Expires,
    Metadata: { ...changes.metadata },
  }
  if ((current.ContentLength ?? 0) > MAX_SINGLE_COPY_BYTES) {
    await multipartCopy(connection, {
      source: { bucket, key, size: current.ContentLength ?? 0 },
      target: { bucket, key },
      headers,
    })
  } else {
    await connection.client.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: key,
        CopySource: copySource(bucket, key),
        MetadataDirective: 'REPLACE',
        StorageClass: current.StorageClass,
        ...headers,
      }),
    )
  }
  return headObject(connection, bucket, key)
}
