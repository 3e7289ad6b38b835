/**
 * SigV4 presigned URLs, signed offline. The client used here is made from the account's settings
 * without the request governor or request log: presigning sends nothing, so it must count
 * nothing. Checksum parameters are kept out of every URL (DSS.md §3): a browser or curl cannot
 * send what they ask for, and a signed `x-amz-checksum-crc32` of an empty body would even make
 * every upload fail.
 */
import {
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { FinalizeRequestMiddleware, HttpRequest } from '@smithy/types'
import { createS3Client, type ClientSettings } from '../s3-client'

const isChecksumName = (name: string): boolean => {
  const lower = name.toLowerCase()
  return lower.startsWith('x-amz-checksum-') || lower === 'x-amz-sdk-checksum-algorithm'
}

const isHttpRequest = (value: unknown): value is HttpRequest =>
  typeof value === 'object' && value !== null && 'headers' in value && 'query' in value

/**
 * Drops checksum headers and query parameters before the presigner hoists and signs them. Our
 * clients already ask for checksums only when required; this holds even if an SDK update or a
 * setting starts adding them to presigned requests again.
 */
export const withoutChecksums: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> =
  (next) => async (args) => {
    const request = args.request
    if (isHttpRequest(request)) {
      request.headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !isChecksumName(name)),
      )
      request.query = Object.fromEntries(
        Object.entries(request.query ?? {}).filter(([name]) => !isChecksumName(name)),
      )
    }
    return next(args)
  }

/** Adds `withoutChecksums` just before signing, where getSignedUrl's presigner also sits. */
export const stripChecksums = (client: S3Client): S3Client => {
  client.middlewareStack.addRelativeTo(withoutChecksums, {
    name: 'dssWithoutChecksums',
    relation: 'before',
    toMiddleware: 'httpSigningMiddleware',
  })
  return client
}

/** A client for presigning only: same endpoint, region and keys, no governor, no checksums. */
export const createPresignClient = (settings: ClientSettings): S3Client =>
  stripChecksums(createS3Client(settings))

export type PresignedUrl = {
  readonly url: string
  /** When the server stops accepting it (the signing time plus the expiry, to the second). */
  readonly expiresAt: Date
}

type Timing = {
  readonly expiresInSeconds: number
  /** Signing time; defaults to now. SigV4 dates have whole seconds, so it is rounded down. */
  readonly now?: Date
}

const signingDate = (now: Date = new Date()): Date =>
  new Date(Math.floor(now.getTime() / 1000) * 1000)

export const presignGetV4 = async (
  client: S3Client,
  request: Timing & {
    readonly bucket: string
    readonly key: string
    /** response-content-disposition, already formatted. */
    readonly contentDisposition?: string | null
    /** response-content-type. */
    readonly contentType?: string | null
  },
): Promise<PresignedUrl> => {
  const date = signingDate(request.now)
  const url = await getSignedUrl(
    client,
    new GetObjectCommand({
      Bucket: request.bucket,
      Key: request.key,
      ResponseContentDisposition: request.contentDisposition ?? undefined,
      ResponseContentType: request.contentType ?? undefined,
    }),
    { expiresIn: request.expiresInSeconds, signingDate: date },
  )
  return { url, expiresAt: new Date(date.getTime() + request.expiresInSeconds * 1000) }
}

/** The Content-Type is signed: the upload must send exactly this header. */
export const presignPutV4 = async (
  client: S3Client,
  request: Timing & {
    readonly bucket: string
    readonly key: string
    readonly contentType: string
  },
): Promise<PresignedUrl> => {
  const date = signingDate(request.now)
  const url = await getSignedUrl(
    client,
    new PutObjectCommand({
      Bucket: request.bucket,
      Key: request.key,
      ContentType: request.contentType,
    }),
    {
      expiresIn: request.expiresInSeconds,
      signingDate: date,
      signableHeaders: new Set(['content-type']),
    },
  )
  return { url, expiresAt: new Date(date.getTime() + request.expiresInSeconds * 1000) }
}
