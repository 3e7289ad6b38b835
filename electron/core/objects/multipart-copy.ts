/**
 * Server-side copy of objects over 5 GiB, which CopyObject cannot do: CreateMultipartUpload,
 * UploadPartCopy in ranges, CompleteMultipartUpload — aborted if anything fails.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3'
import type { Connection } from '../accounts'
import { copySource } from './copy-source'

export const MAX_SINGLE_COPY_BYTES = 5 * 1024 ** 3
const MAX_PARTS = 10_000
const MIN_PART = 512 * 1024 ** 2

/** Parts of at least 512 MiB, grown so that no object needs more than 10,000. */
export const copyPartSize = (size: number): number =>
  Math.max(MIN_PART, Math.ceil(size / MAX_PARTS / 1024 ** 2) * 1024 ** 2)

export type CopyHeaders = {
  readonly ContentType?: string
  readonly CacheControl?: string
  readonly ContentDisposition?: string
  readonly ContentEncoding?: string
  readonly ContentLanguage?: string
  readonly Expires?: Date
  readonly Metadata?: Record<string, string>
}

export const multipartCopy = async (
  connection: Connection,
  options: {
    source: { bucket: string; key: string; size: number }
    target: { bucket: string; key: string }
    headers: CopyHeaders
    signal?: AbortSignal
  },
): Promise<void> => {
  const { client } = connection
  const { source, target, signal } = options
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: target.bucket,
      Key: target.key,
      ...options.headers,
    }),
    { abortSignal: signal },
  )
  const uploadId = created.UploadId
  if (!uploadId) throw new Error('The server did not return an upload id.')
  try {
    const partSize = copyPartSize(source.size)
    const parts: CompletedPart[] = []
    for (let start = 0, number = 1; start < source.size; start += partSize, number += 1) {
      const end = Math.min(source.size, start + partSize) - 1
      const part = await client.send(
        new UploadPartCopyCommand({
          Bucket: target.bucket,
          Key: target.key,
          UploadId: uploadId,
          PartNumber: number,
          CopySource: copySource(source.bucket, source.key),
          CopySourceRange: `bytes=${start}-${end}`,
        }),
        { abortSignal: signal },
      )
      parts.push({ PartNumber: number, ETag: part.CopyPartResult?.ETag })
    }
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: target.bucket,
        Key: target.key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
      { abortSignal: signal },
    )
  } catch (error) {
    await client
      .send(
        new AbortMultipartUploadCommand({
          Bucket: target.bucket,
          Key: target.key,
          UploadId: uploadId,
        }),
      )
      .catch(() => undefined)
    throw error
  }
}
