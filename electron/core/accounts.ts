/**
 * Saved accounts: settings in accounts.json, secrets in the secret store, and one S3 client with
 * its request governor per account. Nothing here ever returns a secret to a caller outside main.
 */
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import { z } from 'zod'
import {
  accountKinds,
  DEFAULT_RATE_LIMIT,
  SANDBOX_ACCOUNT_ID,
  type AccountSummary,
} from '../../shared/accounts'
import type { ParsedAccountDraft } from '../../shared/contract'
import { CodedError } from '../../shared/errors'
import { readValidated, writeJsonAtomic, type OnSetAside } from './atomic-file'
import { importedSecret } from './aws-profiles'
import { checkEndpoint, endpointFor } from './endpoint'
import type { EventBus } from './event-bus'
import { refuseIfRedirectsToHttps } from './https-probe'
import type { Redactor } from './redactor'
import { createRequestGovernor, type RequestGovernor } from './request-governor'
import { createRequestLog, type RequestLog } from './request-log'
import { DEFAULT_RETRY } from './transfers/retry'
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from './request-limits'
import { createS3Client, type ClientBehaviour, type ClientSettings } from './s3-client'
import type { Sandbox } from './sandbox/sandbox'
import type { SecretStore } from './secret-store'

const storedAccount = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(accountKinds).exclude(['sandbox']),
  endpoint: z.string().min(1),
  region: z.string().min(1),
  forcePathStyle: z.boolean(),
  accessKeyId: z.string(),
  caFile: z.string().nullable(),
  rateLimit: z.number().int().min(1),
})

type StoredAccount = z.output<typeof storedAccount>

const accountsFile = z.object({ version: z.literal(1), accounts: z.array(storedAccount) })

type AccountsFile = z.output<typeof accountsFile>

export type Connection = {
  readonly client: S3Client
  readonly governor: RequestGovernor
  readonly log: RequestLog
  readonly endpoint: string
  /** What the client was made from: share links are signed with these, offline. */
  readonly settings: ClientSettings
  /** The client's time limits, which requests made without the SDK (link checks) keep too. */
  readonly limits: RequestLimits
}

export type Accounts = {
  list(): Promise<AccountSummary[]>
  save(id: string | undefined, draft: ParsedAccountDraft): Promise<AccountSummary>
  remove(id: string): Promise<void>
  /** The connection of a saved account (or the sandbox), created on first use. */
  connection(id: string): Promise<Connection>
  /** Connections opened so far, by account id (for the request meter). */
  openConnections(): [string, Connection][]
  /** A throw-away connection for a draft, used by Test connection (cancelled by `signal`). */
  draftConnection(
    id: string | undefined,
    draft: ParsedAccountDraft,
    signal?: AbortSignal,
  ): Promise<Connection>
  dispose(): void
}

const sandboxSummary = (sandbox: Sandbox): AccountSummary => {
  const status = sandbox.status()
  return {
    id: SANDBOX_ACCOUNT_ID,
    name: 'Local sandbox',
    kind: 'sandbox',
    endpoint: status.state === 'ready' ? status.endpoint : 'http://127.0.0.1',
    region: 'us-east-1',
    forcePathStyle: true,
    accessKeyId: '',
    hasSecret: true,
    caFile: null,
    rateLimit: DEFAULT_RATE_LIMIT,
    insecure: false,
  }
}

/** The secret an imported draft points at, read from the AWS files or environment. */
const secretFromDraft = async (draft: ParsedAccountDraft): Promise<string | null> => {
  if (!draft.secretFrom) return null
  const secret = await importedSecret(draft.secretFrom.source, draft.secretFrom.name)
  if (!secret) {
    throw new CodedError(
      'INVALID_REQUEST',
      `No secret key was found for "${draft.secretFrom.name}" any more. Enter the secret key.`,
    )
  }
  return secret
}

const readCa = async (caFile: string | null): Promise<string | null> => {
  if (!caFile) return null
  try {
    const pem = await readFile(caFile, 'utf8')
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new CodedError('INVALID_REQUEST', `${caFile} is not a PEM certificate file.`)
    }
    return pem
  } catch (error) {
    if (error instanceof CodedError) throw error
    throw caFileProblem(caFile, (error as { code?: string }).code)
  }
}

/** Why a CA file cannot be read, in words (never the errno name or the raw system message). */
const caFileProblem = (caFile: string, errno: string | undefined): CodedError => {
  if (errno === 'ENOENT' || errno === 'ENOTDIR') {
    return new CodedError(
      'FILE_MISSING',
      `The CA file ${caFile} does not exist. Choose the certificate file again.`,
    )
  }
  if (errno === 'EISDIR') {
    return new CodedError('LOCAL_FILE_ERROR', `${caFile} is a folder, not a CA file.`)
  }
  if (errno === 'EACCES' || errno === 'EPERM') {
    return new CodedError(
      'LOCAL_FILE_ERROR',
      `DSS Explorer is not allowed to read the CA file ${caFile}. Check its permissions.`,
    )
  }
  return new CodedError('LOCAL_FILE_ERROR', `The CA file ${caFile} could not be read.`)
}

export const createAccounts = (options: {
  dataDir: string
  secrets: SecretStore
  sandbox: Sandbox
  events: EventBus
  redactor: Redactor
  /** Told when accounts.json could not be read and was set aside. */
  onSetAside: OnSetAside
  /** Time limits and retries of every client (tests shorten them). */
  behaviour?: ClientBehaviour
}): Accounts => {
  const file = path.join(options.dataDir, 'accounts.json')
  const behaviour = options.behaviour ?? {}
  const limits = behaviour.limits ?? DEFAULT_REQUEST_LIMITS
  const connections = new Map<string, Connection>()
  /** Connections being opened: concurrent callers share one (and so one governor). */
  const opening = new Map<string, Promise<Connection>>()
  let sandboxConnection: { endpoint: string; connection: Connection } | null = null
  /** The file's accounts, read once (only this module writes it); a failed read is tried again. */
  let cached: Promise<StoredAccount[]> | null = null

  /** The accounts that parse; one that does not is dropped (the whole file is kept aside). */
  const salvage = (json: unknown): AccountsFile | null => {
    const listed = z.object({ accounts: z.array(z.unknown()) }).safeParse(json)
    if (!listed.success) return null
    const accounts = listed.data.accounts.flatMap((entry) => {
      const account = storedAccount.safeParse(entry)
      return account.success ? [account.data] : []
    })
    return { version: 1, accounts }
  }

  const load = (): Promise<StoredAccount[]> => {
    const reading = (cached ??= readValidated(
      file,
      accountsFile,
      { version: 1, accounts: [] },
      options.onSetAside,
      salvage,
    ).then((content) => content.accounts))
    reading.catch(() => {
      if (cached === reading) cached = null
    })
    return reading
  }

  const write = async (accounts: StoredAccount[]): Promise<void> => {
    await writeJsonAtomic(file, { version: 1, accounts } satisfies AccountsFile)
    cached = Promise.resolve(accounts)
  }

  const summarise = async (account: StoredAccount): Promise<AccountSummary> => ({
    ...account,
    hasSecret: (await options.secrets.get(account.id)) !== null,
    insecure: account.endpoint.startsWith('http:'),
  })

  const list = async (): Promise<AccountSummary[]> => [
    sandboxSummary(options.sandbox),
    ...(await Promise.all((await load()).map(summarise))),
  ]

  const announce = async (): Promise<void> => options.events.emit('accounts.changed', await list())

  const drop = (id: string): void => {
    connections.get(id)?.client.destroy()
    connections.delete(id)
  }

  /** Settings for a draft, checked before anything is sent anywhere. */
  const settingsFor = async (
    draft: ParsedAccountDraft,
    storedSecret: string | null,
    signal?: AbortSignal,
  ): Promise<{ settings: ClientSettings; insecure: boolean }> => {
    const endpoint = checkEndpoint(endpointFor(draft.kind, draft.endpoint))
    const secretAccessKey = draft.secretAccessKey || (await secretFromDraft(draft)) || storedSecret
    if (!secretAccessKey) throw new CodedError('INVALID_REQUEST', 'Enter the secret key.')
    options.redactor.add(secretAccessKey)
    if (endpoint.insecure) {
      await refuseIfRedirectsToHttps(endpoint.url, { limits, signal })
    }
    return {
      insecure: endpoint.insecure,
      settings: {
        endpoint: endpoint.url,
        region: draft.region,
        forcePathStyle: draft.forcePathStyle,
        accessKeyId: draft.accessKeyId,
        secretAccessKey,
        caPem: await readCa(draft.caFile),
      },
    }
  }

  const open = (
    settings: ClientSettings,
    rateLimit: number,
    clientBehaviour: ClientBehaviour = behaviour,
  ): Connection => {
    const governor = createRequestGovernor(rateLimit)
    const log = createRequestLog()
    return {
      client: createS3Client(settings, governor, log, clientBehaviour),
      governor,
      log,
      endpoint: settings.endpoint,
      settings,
      limits: clientBehaviour.limits ?? DEFAULT_REQUEST_LIMITS,
    }
  }

  // Read at start, so a damaged file is reported (and set aside) at once.
  void load().catch(() => undefined)

  return {
    list,
    async save(id, draft) {
      const accounts = await load()
      const existing = id ? accounts.find((account) => account.id === id) : undefined
      if (id && !existing) throw new CodedError('NOT_FOUND', 'That account no longer exists.')
      const secret = draft.secretAccessKey || (await secretFromDraft(draft))
      if (!existing && !secret) throw new CodedError('INVALID_REQUEST', 'Enter the secret key.')
      const endpoint = checkEndpoint(endpointFor(draft.kind, draft.endpoint))
      const stored: StoredAccount = {
        id: existing?.id ?? randomUUID(),
        name: draft.name,
        kind: draft.kind,
        endpoint: endpoint.url,
        region: draft.region,
        forcePathStyle: draft.forcePathStyle,
        accessKeyId: draft.accessKeyId,
        caFile: draft.caFile || null,
        rateLimit: draft.rateLimit,
      }
      if (secret) {
        options.redactor.add(secret)
        await options.secrets.set(stored.id, secret)
      }
      const next = existing
        ? accounts.map((account) => (account.id === stored.id ? stored : account))
        : [...accounts, stored]
      await write(next)
      drop(stored.id)
      await announce()
      return summarise(stored)
    },
    async remove(id) {
      if (id === SANDBOX_ACCOUNT_ID) {
        throw new CodedError(
          'INVALID_REQUEST',
          'The local sandbox is built in and cannot be removed.',
        )
      }
      const accounts = await load()
      await write(accounts.filter((account) => account.id !== id))
      await options.secrets.delete(id)
      drop(id)
      await announce()
    },
    async connection(id) {
      if (id === SANDBOX_ACCOUNT_ID) {
        await options.sandbox.start()
        const settings = options.sandbox.settings()
        if (sandboxConnection?.endpoint !== settings.endpoint) {
          sandboxConnection?.connection.client.destroy()
          sandboxConnection = {
            endpoint: settings.endpoint,
            connection: open(settings, DEFAULT_RATE_LIMIT),
          }
        }
        return sandboxConnection.connection
      }
      const cached = connections.get(id) ?? opening.get(id)
      if (cached) return cached
      const pending = (async () => {
        const account = (await load()).find((candidate) => candidate.id === id)
        if (!account) throw new CodedError('NOT_FOUND', 'That account no longer exists.')
        const { settings } = await settingsFor(
          { ...account, secretAccessKey: '', secretFrom: null },
          await options.secrets.get(account.id),
        )
        const connection = open(settings, account.rateLimit)
        connections.set(id, connection)
        return connection
      })()
      opening.set(id, pending)
      return pending.finally(() => opening.delete(id))
    },
    async draftConnection(id, draft, signal) {
      const storedSecret = id ? await options.secrets.get(id) : null
      const { settings } = await settingsFor(draft, storedSecret, signal)
      // Test connection asks once more after a timeout at most: a stalled server stays stalled.
      const retry = behaviour.retry ?? DEFAULT_RETRY
      return open(settings, draft.rateLimit, { ...behaviour, retry: { ...retry, timeouts: 1 } })
    },
    openConnections() {
      const open: [string, Connection][] = [...connections.entries()]
      if (sandboxConnection) open.push([SANDBOX_ACCOUNT_ID, sandboxConnection.connection])
      return open
    },
    dispose() {
      for (const id of [...connections.keys()]) drop(id)
      sandboxConnection?.connection.client.destroy()
    },
  }
}
