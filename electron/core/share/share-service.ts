/**
 * Share links: presigned GET and PUT URLs signed offline (SigV4, or SigV2 where the endpoint has
 * been checked to accept it), the per-account history of issued links, and the two actions that
 * send a request: the SigV2 check and "check link".
 */
import { randomUUID } from 'node:crypto'
import type { S3Client } from '@aws-sdk/client-s3'
import type { ParsedRequest } from '../../../shared/contract'
import { CodedError } from '../../../shared/errors'
import { keyProblem } from '../../../shared/s3-keys'
import {
  expiryProblem,
  linkExpired,
  type LinkCheck,
  type ShareLink,
  type SigV2Support,
} from '../../../shared/share'
import type { Accounts, Connection } from '../accounts'
import type { OnSetAside } from '../atomic-file'
import type { EventBus } from '../event-bus'
import type { Redactor } from '../redactor'
import { s3Call } from '../s3-call'
import { attachmentDisposition } from './content-disposition'
import { uploadCurlCommand } from './curl-command'
import { governedRequest, s3ErrorOf } from './governed-request'
import { linkCheckOf, sigV2AnswerOf } from './link-answers'
import { createLinkHistory, type LinkHistory } from './link-history'
import { presignV2Url } from './sigv2-links'
import { createPresignClient, presignGetV4, presignPutV4, type PresignedUrl } from './sigv4-links'

/** Where the SigV2 check looks: a key nobody has, so the answer is 404 once auth has passed. */
export const SIGV2_CHECK_PREFIX = '.dss-explorer-sigv2-check/'
/** Generous, so a clock a few minutes off does not pass for "SigV2 refused". */
const SIGV2_CHECK_EXPIRY_SECONDS = 15 * 60

export type ShareService = {
  download(request: ParsedRequest<'shares.download'>): Promise<ShareLink[]>
  upload(request: ParsedRequest<'shares.upload'>): Promise<ShareLink>
  history(accountId: string): Promise<ShareLink[]>
  resign(id: string): Promise<ShareLink>
  forget(id: string): Promise<void>
  clearExpired(accountId: string): Promise<void>
  check(id: string): Promise<LinkCheck>
  sigv2(accountId: string, bucket: string, recheck: boolean): Promise<SigV2Support>
  /** The account was removed: its links and SigV2 answer go too. */
  dropAccount(accountId: string): Promise<void>
  dispose(): Promise<void>
}

/** What a link is signed from: everything in a ShareLink that is not the result of signing. */
type LinkSpec = Pick<
  ShareLink,
  | 'accountId'
  | 'bucket'
  | 'key'
  | 'kind'
  | 'signature'
  | 'expiresInSeconds'
  | 'downloadName'
  | 'contentType'
>

const specOf = (link: ShareLink): LinkSpec => ({
  accountId: link.accountId,
  bucket: link.bucket,
  key: link.key,
  kind: link.kind,
  signature: link.signature,
  expiresInSeconds: link.expiresInSeconds,
  downloadName: link.downloadName,
  contentType: link.contentType,
})

const checkSpec = (spec: LinkSpec): void => {
  const keyIssue = keyProblem(spec.key)
  if (keyIssue) throw new CodedError('INVALID_KEY', keyIssue)
  const expiryIssue = expiryProblem(spec.expiresInSeconds, spec.signature)
  if (expiryIssue) throw new CodedError('INVALID_REQUEST', expiryIssue)
}

/** The signature (the bearer part) of a link, for the redactor. */
const signatureOf = (url: string): string | null => {
  const query = new URL(url).searchParams
  return query.get('X-Amz-Signature') ?? query.get('Signature')
}

export const createShareService = (deps: {
  readonly dataDir: string
  readonly accounts: Accounts
  readonly events: EventBus
  readonly redactor: Redactor
  readonly history?: LinkHistory
  /** Told when share-links.json could not be read and was set aside. */
  readonly onSetAside?: OnSetAside
}): ShareService => {
  const history = deps.history ?? createLinkHistory(deps.dataDir, { onSetAside: deps.onSetAside })
  // Read at start, so a damaged file is reported (and set aside) at once, not at the first link.
  void history.list('').catch(() => undefined)
  /** Presigning clients, one per connection (a saved account change makes a new connection). */
  const presigners = new WeakMap<Connection, S3Client>()
  const changed = (accountId: string): void => deps.events.emit('shares.changed', { accountId })

  const presigner = (connection: Connection): S3Client => {
    let client = presigners.get(connection)
    if (!client) {
      client = createPresignClient(connection.settings)
      presigners.set(connection, client)
    }
    return client
  }

  /** The remembered SigV2 answer, if it was for the endpoint the account uses now. */
  const knownSigV2 = async (
    accountId: string,
    connection: Connection,
  ): Promise<SigV2Support | undefined> => {
    const known = await history.sigv2(accountId)
    if (!known || known.endpoint !== connection.settings.endpoint) return undefined
    const { endpoint: _endpoint, ...support } = known
    return support
  }

  const requireSigV2 = async (accountId: string, connection: Connection): Promise<void> => {
    const known = await knownSigV2(accountId, connection)
    if (known?.supported) return
    throw new CodedError(
      'INVALID_REQUEST',
      known
        ? `This endpoint does not accept SigV2 links (${known.detail}). Use a SigV4 link of at most 7 days.`
        : 'SigV2 links are offered only once the endpoint has been checked to accept them. Run the SigV2 check first.',
    )
  }

  const presignV2 = (connection: Connection, spec: LinkSpec): PresignedUrl => {
    const expires = Math.floor(Date.now() / 1000) + spec.expiresInSeconds
    const overrides: Record<string, string> = {}
    if (spec.kind === 'download' && spec.downloadName) {
      overrides['response-content-disposition'] = attachmentDisposition(spec.downloadName)
    }
    if (spec.kind === 'download' && spec.contentType) {
      overrides['response-content-type'] = spec.contentType
    }
    const url = presignV2Url(connection.settings, {
      method: spec.kind === 'download' ? 'GET' : 'PUT',
      bucket: spec.bucket,
      key: spec.key,
      expires,
      contentType: spec.kind === 'upload' ? spec.contentType : null,
      overrides,
    })
    return { url, expiresAt: new Date(expires * 1000) }
  }

  const presign = async (connection: Connection, spec: LinkSpec): Promise<PresignedUrl> => {
    if (spec.signature === 'v2') return presignV2(connection, spec)
    const { bucket, key, expiresInSeconds } = spec
    if (spec.kind === 'upload') {
      return presignPutV4(presigner(connection), {
        bucket,
        key,
        expiresInSeconds,
        contentType: spec.contentType ?? 'application/octet-stream',
      })
    }
    return presignGetV4(presigner(connection), {
      bucket,
      key,
      expiresInSeconds,
      contentDisposition: spec.downloadName ? attachmentDisposition(spec.downloadName) : null,
      contentType: spec.contentType,
    })
  }

  /** Checks specs of one account before anything is signed; the connection to sign with. */
  const prepare = async (accountId: string, specs: readonly LinkSpec[]): Promise<Connection> => {
    specs.forEach(checkSpec)
    const connection = await deps.accounts.connection(accountId)
    if (specs.some((spec) => spec.signature === 'v2')) await requireSigV2(accountId, connection)
    return connection
  }

  const sign = async (connection: Connection, spec: LinkSpec): Promise<ShareLink> => {
    const issuedAt = new Date().toISOString()
    const { url, expiresAt } = await presign(connection, spec)
    // Links are bearer credentials: should one ever reach a log line, its signature is masked.
    const signature = signatureOf(url)
    if (signature) deps.redactor.add(signature)
    return {
      ...spec,
      id: randomUUID(),
      url,
      issuedAt,
      expiresAt: expiresAt.toISOString(),
      curl: spec.kind === 'upload' ? uploadCurlCommand(url, spec.contentType ?? '') : null,
    }
  }

  const record = async (accountId: string, links: readonly ShareLink[]): Promise<void> => {
    await history.add(links)
    changed(accountId)
  }

  const issueOne = async (spec: LinkSpec): Promise<ShareLink> => {
    const connection = await prepare(spec.accountId, [spec])
    const link = await sign(connection, spec)
    await record(spec.accountId, [link])
    return link
  }

  const linkById = async (id: string): Promise<ShareLink> => {
    const link = await history.find(id)
    if (!link) throw new CodedError('NOT_FOUND', 'That link is no longer in the history.')
    return link
  }

  return {
    async download(request) {
      const specs = request.keys.map((key): LinkSpec => ({
        accountId: request.accountId,
        bucket: request.bucket,
        key,
        kind: 'download',
        signature: request.signature,
        expiresInSeconds: request.expiresInSeconds,
        downloadName: request.downloadName || null,
        contentType: request.contentType || null,
      }))
      const connection = await prepare(request.accountId, specs)
      const links = await Promise.all(specs.map((spec) => sign(connection, spec)))
      await record(request.accountId, links)
      return links
    },
    upload: (request) =>
      issueOne({
        accountId: request.accountId,
        bucket: request.bucket,
        key: request.key,
        kind: 'upload',
        signature: request.signature,
        expiresInSeconds: request.expiresInSeconds,
        downloadName: null,
        contentType: request.contentType,
      }),
    history: (accountId) => history.list(accountId),
    resign: async (id) => issueOne(specOf(await linkById(id))),
    async forget(id) {
      for (const accountId of await history.remove((link) => link.id === id)) changed(accountId)
    },
    async clearExpired(accountId) {
      const now = Date.now()
      const gone = await history.remove(
        (link) => link.accountId === accountId && linkExpired(link, now),
      )
      for (const account of gone) changed(account)
    },
    async check(id) {
      const link = await linkById(id)
      if (link.kind === 'upload') {
        throw new CodedError(
          'INVALID_REQUEST',
          'An upload link cannot be checked without uploading with it. Check it by uploading a file.',
        )
      }
      const connection = await deps.accounts.connection(link.accountId)
      const { bucket, key } = link
      const response = await s3Call(connection, { bucket, key }, () =>
        governedRequest(connection, {
          method: 'GET',
          url: link.url,
          headers: { range: 'bytes=0-0' },
          bucket,
          key,
        }),
      )
      return linkCheckOf(
        { status: response.status, ...s3ErrorOf(response.body) },
        linkExpired(link, Date.now()),
      )
    },
    async sigv2(accountId, bucket, recheck) {
      const connection = await deps.accounts.connection(accountId)
      const known = recheck ? undefined : await knownSigV2(accountId, connection)
      if (known) return known
      const key = `${SIGV2_CHECK_PREFIX}${randomUUID()}`
      const url = presignV2Url(connection.settings, {
        method: 'GET',
        bucket,
        key,
        expires: Math.floor(Date.now() / 1000) + SIGV2_CHECK_EXPIRY_SECONDS,
      })
      const response = await s3Call(connection, { bucket }, () =>
        governedRequest(connection, { method: 'GET', url, bucket, key }),
      )
      const answer = sigV2AnswerOf({ status: response.status, ...s3ErrorOf(response.body) }, bucket)
      const support: SigV2Support = { accountId, ...answer, checkedAt: new Date().toISOString() }
      await history.setSigv2({ ...support, endpoint: connection.settings.endpoint })
      return support
    },
    async dropAccount(accountId) {
      await history.dropAccount(accountId)
      changed(accountId)
    },
    dispose: () => history.flush(),
  }
}
