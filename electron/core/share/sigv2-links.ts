/**
 * SigV2 query-string authentication (the legacy scheme DSS also accepts), for links that must
 * outlive SigV4's 7 days. Path-style only: `<endpoint>/<bucket>/<key>?AWSAccessKeyId=…&Expires=…
 * &Signature=…`, the signature an HMAC-SHA1 over
 * `METHOD\n<Content-MD5>\n<Content-Type>\n<Expires>\n<canonical resource>`.
 */
import { createHmac } from 'node:crypto'

/** encodeURIComponent plus `! ' ( ) *`, as S3 and the SDK encode keys and query values. */
export const encodeRfc3986 = (text: string): string =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )

/** A key as it appears in a URL path: every byte but `/` and unreserved characters encoded. */
export const encodeKeyPath = (key: string): string => key.split('/').map(encodeRfc3986).join('/')

export type SigV2Request = {
  readonly method: 'GET' | 'PUT'
  readonly bucket: string
  readonly key: string
  /** Seconds since the epoch. */
  readonly expires: number
  /** PUT: the Content-Type the upload must send. */
  readonly contentType?: string | null
  /** `response-content-type`, `response-content-disposition`: signed, with values unencoded. */
  readonly overrides?: Readonly<Record<string, string>>
}

const sortedOverrides = (request: SigV2Request): [string, string][] =>
  Object.entries(request.overrides ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

/** `/bucket/key` as sent in the URL, then the overrides sorted by name, values as they are. */
export const canonicalResource = (request: SigV2Request): string => {
  const path = `/${encodeRfc3986(request.bucket)}/${encodeKeyPath(request.key)}`
  const overrides = sortedOverrides(request)
  return overrides.length === 0
    ? path
    : `${path}?${overrides.map(([name, value]) => `${name}=${value}`).join('&')}`
}

export const stringToSign = (request: SigV2Request): string =>
  [
    request.method,
    '', // Content-MD5: a link does not fix the body
    request.contentType ?? '',
    String(request.expires),
    canonicalResource(request),
  ].join('\n')

/** Base64 HMAC-SHA1 of the string to sign. */
export const signV2 = (secretAccessKey: string, request: SigV2Request): string =>
  createHmac('sha1', secretAccessKey).update(stringToSign(request), 'utf8').digest('base64')

/** The finished link under `endpoint` (its own path, if any, kept in front of the bucket). */
export const presignV2Url = (
  credentials: {
    readonly endpoint: string
    readonly accessKeyId: string
    readonly secretAccessKey: string
  },
  request: SigV2Request,
): string => {
  const base = credentials.endpoint.replace(/\/+$/, '')
  const params: [string, string][] = [
    ['AWSAccessKeyId', credentials.accessKeyId],
    ['Expires', String(request.expires)],
    ['Signature', signV2(credentials.secretAccessKey, request)],
    ...sortedOverrides(request),
  ]
  const query = params.map(([name, value]) => `${name}=${encodeRfc3986(value)}`).join('&')
  return `${base}/${encodeRfc3986(request.bucket)}/${encodeKeyPath(request.key)}?${query}`
}
