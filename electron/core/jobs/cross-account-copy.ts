/**
 * Copy between accounts (items copied in one account, pasted in another): no server-side copy
 * reaches across accounts, so each object is read with the source account's connection and
 * written with the target's — each side's requests through its own governor — a part at a time,
 * so memory stays bounded whatever the object's size. Headers and user metadata come along.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  type GetObjectCommandOutput,
} from '@aws-sdk/client-s3'
import { createHash } from 'node:crypto'
import type { Connection } from '../accounts'

/** Objects up to this size are read whole and written with one PUT; larger go in parts of it. */
export const ACROSS_PART_BYTES = 16 * 1024 * 1024

type Place = { readonly bucket: string; readonly key: string }

const md5 = (body: Buffer): string => createHash('md5').update(body).digest('base64')

const bytesOf = async (answer: GetObjectCommandOutput): Promise<Buffer> =>
  Buffer.from((await answer.Body?.transformToByteArray()) ?? new Uint8Array())

const headersOf = (answer: GetObjectCommandOutput) => ({
  ContentType: answer.ContentType,
  CacheControl: answer.CacheControl,
  ContentDisposition: answer.ContentDisposition,
  ContentEncoding: answer.ContentEncoding,
  ContentLanguage: answer.ContentLanguage,
  Metadata: answer.Metadata,
})

/** Copies one object across accounts; resolves with the size and ETag of what was read. */
export const copyAcross = async (
  source: Connection,
  target: Connection,
  from: Place & { readonly size: number | null },
  to: Place,
  signal: AbortSignal,
): Promise<{ size: number; etag: string | null }> => {
  const get = (range?: string, ifMatch?: string) =>
    source.client.send(
      new GetObjectCommand({ Bucket: from.bucket, Key: from.key, Range: range, IfMatch: ifMatch }),
      { abortSignal: signal },
    )
  // A small (or empty) object in one GET; a large one's first part says its size and version.
  const whole = from.size !== null && from.size <= ACROSS_PART_BYTES
  const first = await get(whole ? undefined : `bytes=0-${ACROSS_PART_BYTES - 1}`)
  const total = Number(/\/(\d+)$/.exec(first.ContentRange ?? '')?.[1] ?? first.ContentLength ?? 0)
  const etag = first.ETag ?? null
  const body = await bytesOf(first)
  if (total <= body.length) {
    await target.client.send(
      new PutObjectCommand({
        Bucket: to.bucket,
        Key: to.key,
        Body: body,
        ContentLength: body.length,
        ContentMD5: md5(body),
        ...headersOf(first),
      }),
      { abortSignal: signal },
    )
    return { size: body.length, etag }
  }
  const created = await target.client.send(
    new CreateMultipartUploadCommand({ Bucket: to.bucket, Key: to.key, ...headersOf(first) }),
    { abortSignal: signal },
  )
  const uploadId = created.UploadId ?? ''
  try {
    const parts: { PartNumber: number; ETag: string | undefined }[] = []
    let part: Buffer = body
    for (let start = 0, number = 1; start < total; number += 1) {
      if (number > 1) {
        const end = Math.min(start + ACROSS_PART_BYTES, total) - 1
        // The same version throughout: a source changed mid-copy fails rather than mixing.
        part = await bytesOf(await get(`bytes=${start}-${end}`, etag ?? undefined))
        if (part.length === 0) throw new Error('The source sent no bytes for a part.')
      }
      const answer = await target.client.send(
        new UploadPartCommand({
          Bucket: to.bucket,
          Key: to.key,
          UploadId: uploadId,
          PartNumber: number,
          Body: part,
          ContentLength: part.length,
          ContentMD5: md5(part),
        }),
        { abortSignal: signal },
      )
      parts.push({ PartNumber: number, ETag: answer.ETag })
      start += part.length
    }
    await target.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: to.bucket,
        Key: to.key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
      { abortSignal: signal },
    )
    return { size: total, etag }
  } catch (error) {
    // No half-written upload is left to be billed.
    await target.client
      .send(new AbortMultipartUploadCommand({ Bucket: to.bucket, Key: to.key, UploadId: uploadId }))
      .catch(() => undefined)
    throw error
  }
}
