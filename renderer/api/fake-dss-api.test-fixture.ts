/**
 * An in-memory DssApi for store tests and for looking at the UI without the core. Test code
 * only: nothing in the app imports it.
 */
import type {
  AccountSummary,
  AppInfo,
  BucketSummary,
  ImportableAccount,
  SandboxStatus,
} from '../../shared/accounts'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  DssApi,
  EventName,
  EventPayload,
} from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import type { RequestLogEntry } from '../../shared/requests'
import type { ComparisonRow } from '../../shared/sync'
import type { TransferSnapshot } from '../../shared/transfers'
import { parentPrefix } from '../../shared/s3-keys'
import { createFakeJobs } from './fake-jobs.test-fixture'
import { createObjectHandlers } from './fake-object-handlers.test-fixture'
import type { FakeObjectSeed } from './fake-object-store.test-fixture'
import { createFakeObjectStore } from './fake-object-store.test-fixture'
import { createFakeSearch } from './fake-search.test-fixture'
import { createFakeShares } from './fake-shares.test-fixture'
import { createFakeSync } from './fake-sync.test-fixture'
import { createFakeTransfers } from './fake-transfers.test-fixture'

export type FakeDssApi = DssApi & {
  readonly calls: { readonly name: CommandName; readonly request: unknown }[]
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
  /** Adds requests to an account's log, as if it had sent them. */
  logRequests(accountId: string, entries: readonly RequestLogEntry[]): void
}

export type FakeOptions = {
  readonly accounts?: readonly AccountSummary[]
  readonly buckets?: Readonly<Record<string, readonly BucketSummary[]>>
  /** Objects by account id, then bucket name. */
  readonly objects?: Readonly<Record<string, Readonly<Record<string, readonly FakeObjectSeed[]>>>>
  /** Every answer waits this long, so loading states can be seen. */
  readonly delayMs?: number
  readonly sandboxStartMs?: number
  /** Jobs pause this long between steps of `jobObjectsPerStep` objects. */
  readonly jobStepMs?: number
  readonly jobObjectsPerStep?: number
  /** Makes a job fail on a key, with this message; null lets it through. */
  readonly failKey?: (key: string) => string | null
  /** What the AWS CLI's files and variables offer (accounts.importable); secrets by name. */
  readonly importable?: readonly ImportableAccount[]
  /** Where main says secrets are kept (app.info); null leaves it out, like an older core. */
  readonly secretStorage?: AppInfo['secretStorage'] | null
  /** Data files main set aside at start (app.info). */
  readonly notices?: AppInfo['notices']
  /** Makes a listing or any command fail; null lets it through. */
  readonly failCommand?: (name: CommandName, request: unknown) => Result<never> | null
  /** Transfers pause this long between steps; each takes `transferSteps` steps. */
  readonly transferStepMs?: number
  readonly transferSteps?: number
  /** Sizes of files uploaded by path; 100 bytes when not listed. */
  readonly fileSizes?: Readonly<Record<string, number>>
  /** Makes a transfer's first attempt fail on a key; null lets it through. */
  readonly failTransferOnce?: (key: string) => AppError | null
  /** Transfers an earlier run left unfinished, as `transfers.list` first reports them. */
  readonly restoredTransfers?: readonly TransferSnapshot[]
  /** Like Electron's preload: a dropped file's path. Absent, like the web shell, by default. */
  readonly pathForFile?: (file: unknown) => string
  /** Like Electron's preload: dragging an object out. Absent, like the web shell, by default. */
  readonly startDrag?: DssApi['startDrag']
  readonly prepareDrag?: DssApi['prepareDrag']
  /** The clock share links are signed with; Date.now by default. */
  readonly now?: () => number
  /** Whether the endpoint accepts SigV2 links (shares.sigv2); yes by default, as DSS does. */
  readonly sigV2Supported?: boolean
  /** The rows every sync comparison finds. */
  readonly syncRows?: readonly ComparisonRow[]
  /** Deletes above which a mirror run asks for confirmation. */
  readonly syncMaxDeletes?: number
  /** The in-app folder chooser's folders by path, home ('/home/ann') first. */
  readonly localFolders?: Readonly<Record<string, readonly string[]>>
  /** Like Electron's preload: the OS folder dialog. Absent, like the web shell, by default. */
  readonly chooseFolder?: DssApi['chooseFolder']
}

export const sandboxAccount: AccountSummary = {
  id: SANDBOX_ACCOUNT_ID,
  name: 'Local sandbox',
  kind: 'sandbox',
  endpoint: '',
  region: 'us-east-1',
  forcePathStyle: true,
  accessKeyId: 'sandbox',
  hasSecret: true,
  caFile: null,
  rateLimit: 100,
  insecure: true,
}

/** Commands the fake has no answer for (added to the contract since) fail as unknown. */
type Handlers = {
  [C in CommandName]?: (request: CommandRequest<C>) => Result<CommandResponse<C>>
}

/** Main keeps this many requests per account. */
const REQUEST_LOG_CAPACITY = 1000

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const createFakeDssApi = ({
  accounts: initialAccounts = [sandboxAccount],
  buckets = {},
  objects = {},
  delayMs = 0,
  sandboxStartMs = 0,
  jobStepMs = 0,
  jobObjectsPerStep = 100,
  failKey = () => null,
  importable = [],
  secretStorage = { description: 'the test keychain', encrypted: true },
  notices,
  failCommand = () => null,
  transferStepMs = 0,
  transferSteps = 4,
  fileSizes = {},
  failTransferOnce = () => null,
  restoredTransfers = [],
  pathForFile,
  startDrag,
  prepareDrag,
  now = Date.now,
  sigV2Supported = true,
  syncRows = [],
  syncMaxDeletes = 1000,
  localFolders = { '/home/ann': [] },
  chooseFolder,
}: FakeOptions = {}): FakeDssApi => {
  let accounts = initialAccounts
  let sandbox: SandboxStatus = { state: 'stopped' }
  let nextId = 1
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const calls: { name: CommandName; request: unknown }[] = []
  const requestLogs = new Map<string, readonly RequestLogEntry[]>()

  const emit = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    for (const listener of listeners.get(name) ?? []) listener(payload)
  }

  const store = createFakeObjectStore(buckets, objects)
  const jobs = createFakeJobs({
    store,
    emit,
    stepMs: jobStepMs,
    objectsPerStep: jobObjectsPerStep,
    failKey,
  })
  const transfers = createFakeTransfers({
    store,
    emit,
    stepMs: transferStepMs,
    steps: transferSteps,
    fileSizes,
    failOnce: failTransferOnce,
    restored: restoredTransfers,
  })
  const shares = createFakeShares({ emit, now, sigV2Supported })
  const sync = createFakeSync({
    emit,
    rows: syncRows,
    maxDeletes: syncMaxDeletes,
    folders: localFolders,
  })
  const rateLimitOf = (accountId: string): number =>
    accounts.find(({ id }) => id === accountId)?.rateLimit ?? 100

  const setAccounts = (next: readonly AccountSummary[]): void => {
    accounts = next
    emit('accounts.changed', accounts)
  }

  /** Like the core: a secret taken from a profile must still be there. */
  const secretProblem = ({
    secretAccessKey,
    secretFrom,
  }: CommandRequest<'accounts.save'>['draft']) => {
    if (!secretFrom || secretAccessKey) return null
    const found = importable.find(
      ({ source, name }) => source === secretFrom.source && name === secretFrom.name,
    )
    return found?.hasSecret
      ? null
      : `No secret key was found for "${secretFrom.name}" any more. Enter the secret key.`
  }

  const handlers: Handlers = {
    'app.info': () => ({
      ok: true,
      value: {
        version: '0.0.0',
        shell: 'web',
        platform: 'test',
        ...(secretStorage ? { secretStorage } : {}),
        ...(notices ? { notices } : {}),
      },
    }),
    'accounts.list': () => ({ ok: true, value: accounts }),
    'accounts.test': ({ draft }) => {
      if (draft.accessKeyId.trim() === '') {
        return { ok: false, error: { code: 'INVALID_REQUEST', message: 'Enter the access key.' } }
      }
      if (draft.endpoint.includes('invalid')) {
        return {
          ok: false,
          error: { code: 'DNS_NOT_FOUND', message: `No server answers at ${draft.endpoint}.` },
        }
      }
      const problem = secretProblem(draft)
      if (problem) return { ok: false, error: { code: 'INVALID_REQUEST', message: problem } }
      return { ok: true, value: { bucketCount: 3, latencyMs: 42 } }
    },
    'accounts.save': ({ id, draft }) => {
      if (draft.name.trim() === '') {
        return {
          ok: false,
          error: { code: 'INVALID_REQUEST', message: 'Give the account a name.' },
        }
      }
      const problem = secretProblem(draft)
      if (problem) return { ok: false, error: { code: 'INVALID_REQUEST', message: problem } }
      const saved: AccountSummary = {
        id: id ?? `account-${nextId++}`,
        name: draft.name,
        kind: draft.kind,
        endpoint: draft.endpoint,
        region: draft.region ?? 'us-east-1',
        forcePathStyle: draft.forcePathStyle ?? true,
        accessKeyId: draft.accessKeyId,
        hasSecret: true,
        caFile: draft.caFile ?? null,
        rateLimit: draft.rateLimit ?? 100,
        insecure: draft.endpoint.startsWith('http:'),
      }
      const others = accounts.filter((account) => account.id !== saved.id)
      setAccounts([...others, saved])
      return { ok: true, value: saved }
    },
    'accounts.remove': ({ id }) => {
      setAccounts(accounts.filter((account) => account.id !== id))
      return { ok: true, value: null }
    },
    'accounts.importable': () => ({ ok: true, value: importable }),
    'sandbox.start': () => ({ ok: true, value: sandbox }),
    'buckets.list': ({ accountId }) => {
      const listed = store.bucketsOf(accountId)
      return listed
        ? { ok: true, value: listed }
        : { ok: false, error: { code: 'ACCESS_DENIED', message: 'Access denied by the server.' } }
    },
    ...createObjectHandlers(store, rateLimitOf),
    ...createFakeSearch(store, emit, rateLimitOf),
    'jobs.start': (request) => jobs.start(request),
    'jobs.clashes': (request) => jobs.clashes(request),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
    'jobs.list': () => jobs.list(),
    'jobs.clearFinished': () => jobs.clearFinished(),
    'requests.log': ({ accountId }) => ({ ok: true, value: requestLogs.get(accountId) ?? [] }),
    ...transfers.handlers,
    ...shares.handlers,
    ...sync.handlers,
  }

  /** Like the core, an edit is followed by `objects.changed` for the folder it touched. */
  const announceEdit = (name: CommandName, request: unknown): void => {
    if (name !== 'objects.createFolder' && name !== 'objects.updateProperties') return
    const edit = request as { accountId: string; bucket: string; prefix?: string; key?: string }
    const prefix = edit.prefix ?? parentPrefix(edit.key ?? '')
    setTimeout(() =>
      emit('objects.changed', { accountId: edit.accountId, bucket: edit.bucket, prefix }),
    )
  }

  const startSandbox = async (): Promise<void> => {
    if (sandbox.state !== 'stopped') return
    sandbox = { state: 'starting' }
    emit('sandbox.status', sandbox)
    await wait(sandboxStartMs)
    sandbox = { state: 'ready', endpoint: 'http://127.0.0.1:4568' }
    emit('sandbox.status', sandbox)
  }

  return {
    ...(pathForFile ? { pathForFile } : {}),
    ...(startDrag ? { startDrag } : {}),
    ...(prepareDrag ? { prepareDrag } : {}),
    ...(chooseFolder ? { chooseFolder } : {}),
    calls,
    emit,
    logRequests: (accountId, entries) => {
      const log = [...(requestLogs.get(accountId) ?? []), ...entries]
      requestLogs.set(accountId, log.slice(-REQUEST_LOG_CAPACITY))
    },
    invoke: async (name, request) => {
      calls.push({ name, request })
      if (name === 'sandbox.start') await startSandbox()
      await wait(delayMs)
      const failed = failCommand(name, request)
      if (failed) return failed
      const handler = handlers[name] as ((request: unknown) => Result<unknown>) | undefined
      if (!handler) {
        return {
          ok: false,
          error: { code: 'UNKNOWN_COMMAND', message: `The fake API does not answer ${name}.` },
        }
      }
      const result = handler(request) as Awaited<ReturnType<DssApi['invoke']>>
      if (result.ok) announceEdit(name, request)
      return result
    },
    on: (name, listener) => {
      const untyped = listener as (payload: unknown) => void
      listeners.set(name, new Set(listeners.get(name)).add(untyped))
      return () => listeners.get(name)?.delete(untyped)
    },
  }
}
