/**
 * Share links in the fake API: plausible presigned URLs (SigV4 or SigV2 query parameters, made
 * up signatures), a history per account, and the `shares.changed` event the core sends. Requests
 * are checked with the contract's own schemas, as the core's dispatcher does. Test code only.
 */
import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  EventName,
  EventPayload,
} from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { ShareLink, SignatureVersion, SigV2Support } from '../../shared/share'
import { downloadLinksRequest, uploadLinkRequest } from '../../shared/share'

export type FakeShareOptions = {
  readonly emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void
  /** The clock links are signed with (ms since the epoch). */
  readonly now: () => number
  /** Whether the endpoint accepts SigV2 query authentication. */
  readonly sigV2Supported: boolean
}

type ShareCommand = Extract<CommandName, `shares.${string}`>

export type FakeShareHandlers = {
  [C in ShareCommand]: (request: CommandRequest<C>) => Result<CommandResponse<C>>
}

const ENDPOINT = 'https://s3.fake.invalid'

const invalid = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'INVALID_REQUEST', message },
})

const notFound: Result<never> = {
  ok: false,
  error: { code: 'NOT_FOUND', message: 'That link is no longer in the history.' },
}

/** Keys are encoded per segment, as S3 signs them. */
const encodeKey = (key: string): string => key.split('/').map(encodeURIComponent).join('/')

/** A made-up but stable hex signature. */
const signatureOf = (text: string, length: number): string => {
  let hash = 2166136261
  let out = ''
  while (out.length < length) {
    for (const char of `${text}${out.length}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619)
    out += (hash >>> 0).toString(16).padStart(8, '0')
  }
  return out.slice(0, length)
}

const amzDate = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

type Signing = {
  readonly bucket: string
  readonly key: string
  readonly method: 'GET' | 'PUT'
  readonly signature: SignatureVersion
  readonly issuedMs: number
  readonly expiresInSeconds: number
  readonly extra: Readonly<Record<string, string>>
}

const presign = ({
  bucket,
  key,
  method,
  signature,
  issuedMs,
  expiresInSeconds,
  extra,
}: Signing) => {
  const base = `${ENDPOINT}/${bucket}/${encodeKey(key)}`
  const query = new URLSearchParams(extra)
  if (signature === 'v2') {
    query.set('AWSAccessKeyId', 'FAKEACCESSKEY')
    query.set('Expires', String(Math.floor(issuedMs / 1000) + expiresInSeconds))
    query.set('Signature', `${signatureOf(`${method}${base}`, 27)}=`)
  } else {
    const date = amzDate(issuedMs)
    query.set('X-Amz-Algorithm', 'AWS4-HMAC-SHA256')
    query.set('X-Amz-Credential', `FAKEACCESSKEY/${date.slice(0, 8)}/us-east-1/s3/aws4_request`)
    query.set('X-Amz-Date', date)
    query.set('X-Amz-Expires', String(expiresInSeconds))
    query.set('X-Amz-SignedHeaders', method === 'PUT' ? 'content-type;host' : 'host')
    query.set('X-Amz-Signature', signatureOf(`${method}${base}${date}`, 64))
  }
  return `${base}?${query.toString()}`
}

const firstIssue = (error: { readonly issues: readonly { readonly message: string }[] }) =>
  error.issues[0]?.message ?? 'The request is not valid.'

export const createFakeShares = ({ emit, now, sigV2Supported }: FakeShareOptions) => {
  /** Newest first, every account's. */
  let links: readonly ShareLink[] = []
  let nextId = 1

  const changed = (accountId: string): void => {
    // The core answers first, then tells every window.
    setTimeout(() => emit('shares.changed', { accountId }))
  }

  const sign = (draft: Omit<ShareLink, 'id' | 'url' | 'issuedAt' | 'expiresAt' | 'curl'>) => {
    const issuedMs = now()
    const extra: Record<string, string> = {}
    if (draft.kind === 'download' && draft.downloadName !== null) {
      extra['response-content-disposition'] = `attachment; filename="${draft.downloadName}"`
    }
    if (draft.kind === 'download' && draft.contentType !== null) {
      extra['response-content-type'] = draft.contentType
    }
    const url = presign({
      bucket: draft.bucket,
      key: draft.key,
      method: draft.kind === 'upload' ? 'PUT' : 'GET',
      signature: draft.signature,
      issuedMs,
      expiresInSeconds: draft.expiresInSeconds,
      extra,
    })
    const link: ShareLink = {
      ...draft,
      id: `link-${nextId++}`,
      url,
      issuedAt: new Date(issuedMs).toISOString(),
      expiresAt: new Date(issuedMs + draft.expiresInSeconds * 1000).toISOString(),
      curl:
        draft.kind === 'upload'
          ? `curl -X PUT -H 'Content-Type: ${draft.contentType ?? ''}' --upload-file FILE '${url}'`
          : null,
    }
    return link
  }

  const isExpired = (link: ShareLink): boolean => Date.parse(link.expiresAt) <= now()

  const handlers: FakeShareHandlers = {
    'shares.download': (request) => {
      const parsed = downloadLinksRequest.safeParse(request)
      if (!parsed.success) return invalid(firstIssue(parsed.error))
      const { accountId, bucket, keys, expiresInSeconds, signature, downloadName, contentType } =
        parsed.data
      if (signature === 'v2' && !sigV2Supported) {
        return invalid('This endpoint does not accept SigV2 links.')
      }
      const issued = keys.map((key) =>
        sign({
          accountId,
          bucket,
          key,
          kind: 'download',
          signature,
          expiresInSeconds,
          downloadName,
          contentType,
        }),
      )
      links = [...issued, ...links]
      changed(accountId)
      return { ok: true, value: issued }
    },
    'shares.upload': (request) => {
      const parsed = uploadLinkRequest.safeParse(request)
      if (!parsed.success) return invalid(firstIssue(parsed.error))
      const { accountId, bucket, key, contentType, expiresInSeconds, signature } = parsed.data
      const link = sign({
        accountId,
        bucket,
        key,
        kind: 'upload',
        signature,
        expiresInSeconds,
        downloadName: null,
        contentType,
      })
      links = [link, ...links]
      changed(accountId)
      return { ok: true, value: link }
    },
    'shares.history': ({ accountId }) => ({
      ok: true,
      value: links.filter((link) => link.accountId === accountId),
    }),
    'shares.resign': ({ id }) => {
      const old = links.find((link) => link.id === id)
      if (!old) return notFound
      // Like the core: a new link; the old one stays, valid until it expires.
      const link = sign(old)
      links = [link, ...links]
      changed(link.accountId)
      return { ok: true, value: link }
    },
    'shares.forget': ({ id }) => {
      const old = links.find((link) => link.id === id)
      if (!old) return notFound
      links = links.filter((link) => link.id !== id)
      changed(old.accountId)
      return { ok: true, value: null }
    },
    'shares.clearExpired': ({ accountId }) => {
      links = links.filter((link) => link.accountId !== accountId || !isExpired(link))
      changed(accountId)
      return { ok: true, value: null }
    },
    'shares.check': ({ id }) => {
      const link = links.find((other) => other.id === id)
      if (!link) return notFound
      if (link.kind === 'upload') return invalid('Only download links can be checked.')
      return {
        ok: true,
        value: isExpired(link)
          ? { ok: false, status: 403, message: 'The server refused the link: it has expired.' }
          : { ok: true, status: 206, message: 'The link works: the server sent the first byte.' },
      }
    },
    'shares.sigv2': ({ accountId }) => {
      const support: SigV2Support = {
        accountId,
        supported: sigV2Supported,
        detail: sigV2Supported ? '404 NoSuchKey: signature accepted' : '403 AccessDenied',
        checkedAt: new Date(now()).toISOString(),
      }
      return { ok: true, value: support }
    },
  }

  return { handlers }
}
