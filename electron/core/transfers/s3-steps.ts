/** The S3 requests transfers make, each retried by `withRetry` and checked against MD5s. */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { createHash } from 'node:crypto'
import { CodedError } from '../../../shared/errors'
import type { Connection } from '../accounts'
import { toAppError } from '../error-mapper'
import { changed } from './file-source'
import type { JournalPart, UploadRecord } from './journal'
import { sending, type Sending } from './part-body'
import { bareEtag, isPlainMd5, multipartEtag } from './part-plan'
import { withRetry, type RetryPolicy } from './retry'

export type StepOptions = {
  readonly policy: RetryPolicy
  readonly signal: AbortSignal
  /** Bytes of request bodies as they are sent (negative: a failed attempt's, taken back). */
  readonly progress?: (bytes: number) => void
}

type Target = { readonly bucket: string; readonly key: string }

/** User metadata sent with the object (keys without `x-amz-meta-`). */
type Metadata = { readonly metadata?: Readonly<Record<string, string>> }

const errorName = (error: unknown): string => (error as { name?: string } | null)?.name ?? ''

export const isNoSuchUpload = (error: unknown): boolean => errorName(error) === 'NoSuchUpload'

const damaged = (what: string): CodedError =>
  new CodedError(
    'CHECKSUM_MISMATCH',
    `The server's checksum (ETag) for ${what} does not match the bytes sent.`,
  )

/** An ETag that is an MD5 must be this one; other forms (encrypted objects) prove nothing. */
const checkEtag = (etag: string | undefined, md5Hex: string, what: string): void => {
  const bare = bareEtag(etag)
  if (isPlainMd5(bare) && bare !== md5Hex) throw damaged(what)
}

export const md5Of = (bytes: Uint8Array): Buffer => createHash('md5').update(bytes).digest()

/**
 * Sends one attempt with a body (see part-body.ts: large bodies stream, and the SDK does not
 * retry streams, so `withRetry` does), telling progress as it goes and taking it back on failure.
 */
const withBody = async <T>(
  bytes: Buffer,
  options: StepOptions,
  attempt: (body: Sending['body']) => Promise<T>,
): Promise<T> => {
  const outgoing = sending(bytes, options.progress)
  try {
    const result = await attempt(outgoing.body)
    outgoing.finish()
    return result
  } catch (error) {
    outgoing.rewind()
    throw error
  }
}

/** A single PutObject with Content-MD5; the returned ETag must be that MD5. */
export const putObject = async (
  connection: Connection,
  target: Target & { readonly contentType: string } & Metadata,
  body: Buffer,
  options: StepOptions,
): Promise<void> => {
  const md5 = md5Of(body)
  await withRetry(
    () =>
      withBody(body, options, async (payload) => {
        const answer = await connection.client.send(
          new PutObjectCommand({
            Bucket: target.bucket,
            Key: target.key,
            Body: payload,
            ContentLength: body.length,
            ContentMD5: md5.toString('base64'),
            ContentType: target.contentType,
            Metadata: target.metadata ? { ...target.metadata } : undefined,
          }),
          { abortSignal: options.signal },
        )
        checkEtag(answer.ETag, md5.toString('hex'), `"${target.key}"`)
      }),
    options,
  )
}

export const createUpload = async (
  connection: Connection,
  target: Target & { readonly contentType: string } & Metadata,
  options: StepOptions,
): Promise<string> =>
  withRetry(async () => {
    const answer = await connection.client.send(
      new CreateMultipartUploadCommand({
        Bucket: target.bucket,
        Key: target.key,
        ContentType: target.contentType,
        Metadata: target.metadata ? { ...target.metadata } : undefined,
      }),
      { abortSignal: options.signal },
    )
    if (!answer.UploadId) throw new CodedError('SERVER_ERROR', 'The server gave no upload id.')
    return answer.UploadId
  }, options)

/**
 * One part with Content-MD5 (`knownMd5`, hex, when the part was hashed ahead: the server then
 * refuses bytes that differ from those hashed); returns what the journal keeps of it.
 */
export const uploadPart = async (
  connection: Connection,
  record: UploadRecord,
  number: number,
  body: Buffer,
  options: StepOptions,
  knownMd5?: string,
): Promise<JournalPart> => {
  const md5 = knownMd5 ? Buffer.from(knownMd5, 'hex') : md5Of(body)
  const hex = md5.toString('hex')
  // Hashed ahead, refused as damaged: if the bytes read are not the bytes hashed, the file
  // changed in between, and sending it again would not help (hashed only on this rare path).
  const orChanged = (error: unknown): unknown =>
    knownMd5 &&
    toAppError(error).code === 'CHECKSUM_MISMATCH' &&
    md5Of(body).toString('hex') !== knownMd5
      ? changed(record.name)
      : error
  const send = (): Promise<JournalPart> =>
    withBody(body, options, async (payload) => {
      const command = new UploadPartCommand({
        Bucket: record.bucket,
        Key: record.key,
        UploadId: record.uploadId,
        PartNumber: number,
        Body: payload,
        ContentLength: body.length,
        ContentMD5: md5.toString('base64'),
      })
      // Inside the client's retries, so a changed file stops them at the first refusal.
      command.middlewareStack.add(
        (next) => async (args) => {
          try {
            return await next(args)
          } catch (error) {
            throw orChanged(error)
          }
        },
        { step: 'finalizeRequest', priority: 'low', name: 'dssChangedSinceHashed' },
      )
      const answer = await connection.client.send(command, { abortSignal: options.signal })
      checkEtag(answer.ETag, hex, `part ${number} of "${record.key}"`)
      return { number, etag: answer.ETag ?? `"${hex}"`, md5: hex }
    })
  // A server that stores the bytes and answers another ETag fails in checkEtag: the same check.
  return withRetry(
    () => send().catch((error: unknown) => Promise.reject(orChanged(error))),
    options,
  )
}

/** The parts of a record in order (as CompleteMultipartUpload lists them). */
const inOrder = (record: UploadRecord): JournalPart[] =>
  [...record.parts].sort((a, b) => a.number - b.number)

/**
 * For an upload the server no longer has: the object's ETag if the key now holds this upload's
 * result (an earlier completion whose answer was lost), else null. Only the ETag tells: the
 * object being replaced may well have the same size.
 */
export const completedAs = async (
  connection: Connection,
  record: UploadRecord,
  options: StepOptions,
): Promise<string | null> => {
  const head = await connection.client
    .send(new HeadObjectCommand({ Bucket: record.bucket, Key: record.key }), {
      abortSignal: options.signal,
    })
    .catch(() => null)
  const ours = multipartEtag(inOrder(record).map((part) => part.md5))
  return head?.ContentLength === record.size && bareEtag(head.ETag) === ours ? ours : null
}

/**
 * Completes the upload and returns the object's ETag (which some servers, RGW 16 among them, leave
 * empty). NoSuchUpload stands unless the upload turns out to be completed already.
 */
export const completeUpload = async (
  connection: Connection,
  record: UploadRecord,
  options: StepOptions,
): Promise<string> =>
  withRetry(async () => {
    try {
      const answer = await connection.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: record.bucket,
          Key: record.key,
          UploadId: record.uploadId,
          MultipartUpload: {
            Parts: inOrder(record).map((part) => ({ PartNumber: part.number, ETag: part.etag })),
          },
        }),
        { abortSignal: options.signal },
      )
      return answer.ETag ?? ''
    } catch (error) {
      if (!isNoSuchUpload(error)) throw error
      const etag = await completedAs(connection, record, options)
      if (etag === null) throw error
      return etag
    }
  }, options)

/** AbortMultipartUpload; an upload the server no longer knows counts as aborted. */
export const abortUpload = async (
  connection: Connection,
  record: Pick<UploadRecord, 'bucket' | 'key' | 'uploadId'>,
  options: StepOptions,
): Promise<void> => {
  try {
    await withRetry(
      () =>
        connection.client.send(
          new AbortMultipartUploadCommand({
            Bucket: record.bucket,
            Key: record.key,
            UploadId: record.uploadId,
          }),
          { abortSignal: options.signal },
        ),
      options,
    )
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
    if (isNoSuchUpload(error) || status === 404) return
    throw error
  }
}
