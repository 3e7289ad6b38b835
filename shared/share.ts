/**
 * Share links (presigned URLs) as both sides see them: the request schemas, the expiry rules and
 * the issued links kept in the local history. Signing happens in main, offline; the renderer only
 * ever sees the finished URL (which carries the access key id and a signature, never the secret).
 */
import { z } from 'zod'

/** SigV4 query authentication caps a link's life at 7 days (DSS.md §2). */
export const SIGV4_MAX_EXPIRY_SECONDS = 604_800
/** SigV2 has no cap; ten years keeps the Expires timestamp sane. */
export const SIGV2_MAX_EXPIRY_SECONDS = 10 * 365 * 86_400

export const expiryPresets = [
  { label: '15 minutes', seconds: 15 * 60 },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86_400 },
  { label: '7 days', seconds: SIGV4_MAX_EXPIRY_SECONDS },
] as const

/** What Ctrl/Cmd+L uses. */
export const DEFAULT_EXPIRY_SECONDS = 3600

export const signatureVersions = ['v4', 'v2'] as const
export type SignatureVersion = (typeof signatureVersions)[number]

export type ShareKind = 'download' | 'upload'

/** Why an expiry cannot be used, or null. Shared so the dialog and main say the same thing. */
export const expiryProblem = (seconds: number, signature: SignatureVersion): string | null => {
  if (!Number.isFinite(seconds) || !Number.isInteger(seconds)) {
    return 'The expiry must be a whole number of seconds.'
  }
  if (seconds <= 0) return 'A link must stay valid for at least one second.'
  if (signature === 'v4' && seconds > SIGV4_MAX_EXPIRY_SECONDS) {
    return 'SigV4 links live at most 7 days. Choose 7 days or less, or a legacy SigV2 link where the endpoint accepts it.'
  }
  if (signature === 'v2' && seconds > SIGV2_MAX_EXPIRY_SECONDS) {
    return 'A SigV2 link can live at most 10 years.'
  }
  return null
}

/** Whether a link's expiry has passed: how the history marks expired links, on both sides. */
export const linkExpired = (
  link: { readonly expiresAt: string },
  now: number = Date.now(),
): boolean => Date.parse(link.expiresAt) <= now

const id = z.string().min(1).max(200)
const bucket = z.string().min(1).max(255)
const key = z.string().min(1).max(1024)
const expiresInSeconds = z.number()
const signature = z.enum(signatureVersions).default('v4')
/** It travels as an HTTP header (and is signed into upload links): printable ASCII only. */
const contentType = z
  .string()
  .max(256)
  .regex(/^[\x20-\x7e]*$/, 'A content type is plain ASCII text, like "text/plain".')

/** `shares.download`: one GET link per key, all with the same expiry and overrides. */
export const downloadLinksRequest = z
  .strictObject({
    accountId: id,
    bucket,
    keys: z.array(key).min(1).max(1000),
    expiresInSeconds,
    signature,
    /** Save-as name (response-content-disposition: attachment); only with a single key. */
    downloadName: z.string().max(255).nullable().default(null),
    /** response-content-type override. */
    contentType: contentType.nullable().default(null),
  })
  .superRefine((request, context) => {
    const problem = expiryProblem(request.expiresInSeconds, request.signature)
    if (problem) context.addIssue({ code: 'custom', path: ['expiresInSeconds'], message: problem })
    if (request.downloadName !== null && request.keys.length > 1) {
      context.addIssue({
        code: 'custom',
        path: ['downloadName'],
        message: 'A download name can be given for one object only.',
      })
    }
  })

/** `shares.upload`: a PUT link for one key with the content type fixed in the signature. */
export const uploadLinkRequest = z
  .strictObject({
    accountId: id,
    bucket,
    key,
    contentType: contentType.min(1),
    expiresInSeconds,
    signature,
  })
  .superRefine((request, context) => {
    const problem = expiryProblem(request.expiresInSeconds, request.signature)
    if (problem) context.addIssue({ code: 'custom', path: ['expiresInSeconds'], message: problem })
  })

/** One issued link, as the history keeps it. */
export type ShareLink = {
  readonly id: string
  readonly accountId: string
  readonly bucket: string
  readonly key: string
  readonly kind: ShareKind
  readonly signature: SignatureVersion
  readonly url: string
  /** ISO times. */
  readonly issuedAt: string
  readonly expiresAt: string
  readonly expiresInSeconds: number
  readonly downloadName: string | null
  /** Download: the response-content-type override; upload: the content type signed in. */
  readonly contentType: string | null
  /** Upload links: a ready-to-paste curl command (`FILE` stands for the file to send). */
  readonly curl: string | null
}

/** Whether the endpoint accepts SigV2 query authentication, as last checked. */
export type SigV2Support = {
  readonly accountId: string
  readonly supported: boolean
  /** What the check saw, for the dialog ("403 SignatureDoesNotMatch", "404: accepted"). */
  readonly detail: string
  readonly checkedAt: string
}

/** `shares.check`: one request with the link (GET links only). */
export type LinkCheck = {
  readonly ok: boolean
  readonly status: number
  readonly message: string
}
