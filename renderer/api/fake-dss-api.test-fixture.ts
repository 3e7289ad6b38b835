/**
 * An in-memory DssApi for store tests and for looking at the UI without the core. Test code
 * only: nothing in the app imports it.
 */
import type { AccountSummary, BucketSummary, SandboxStatus } from '../../shared/accounts'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  DssApi,
  EventName,
  EventPayload,
} from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { parentPrefix } from '../../shared/s3-keys'
import { createFakeJobs } from './fake-jobs.test-fixture'
import { createObjectHandlers } from './fake-object-handlers.test-fixture'
import type { FakeObjectSeed } from './fake-object-store.test-fixture'
import { createFakeObjectStore } from './fake-object-store.test-fixture'

export type FakeDssApi = DssApi & {
  readonly calls: { readonly name: CommandName; readonly request: unknown }[]
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
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
  /** Makes a listing or any command fail; null lets it through. */
  readonly failCommand?: (name: CommandName, request: unknown) => Result<never> | null
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

type Handlers = {
  [C in CommandName]: (request: CommandRequest<C>) => Result<CommandResponse<C>>
}

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
  failCommand = () => null,
}: FakeOptions = {}): FakeDssApi => {
  let accounts = initialAccounts
  let sandbox: SandboxStatus = { state: 'stopped' }
  let nextId = 1
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const calls: { name: CommandName; request: unknown }[] = []

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
  const rateLimitOf = (accountId: string): number =>
    accounts.find(({ id }) => id === accountId)?.rateLimit ?? 100

  const setAccounts = (next: readonly AccountSummary[]): void => {
    accounts = next
    emit('accounts.changed', accounts)
  }

  const handlers: Handlers = {
    'app.info': () => ({ ok: true, value: { version: '0.0.0', shell: 'web', platform: 'test' } }),
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
      return { ok: true, value: { bucketCount: 3, latencyMs: 42 } }
    },
    'accounts.save': ({ id, draft }) => {
      if (draft.name.trim() === '') {
        return {
          ok: false,
          error: { code: 'INVALID_REQUEST', message: 'Give the account a name.' },
        }
      }
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
    'accounts.importable': () => ({ ok: true, value: [] }),
    'sandbox.start': () => ({ ok: true, value: sandbox }),
    'buckets.list': ({ accountId }) => {
      const listed = store.bucketsOf(accountId)
      return listed
        ? { ok: true, value: listed }
        : { ok: false, error: { code: 'ACCESS_DENIED', message: 'Access denied by the server.' } }
    },
    ...createObjectHandlers(store, rateLimitOf),
    'jobs.start': (request) => jobs.start(request),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
    'jobs.list': () => jobs.list(),
    'jobs.clearFinished': () => jobs.clearFinished(),
    'requests.log': () => ({ ok: true, value: [] }),
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
    calls,
    emit,
    invoke: async (name, request) => {
      calls.push({ name, request })
      if (name === 'sandbox.start') await startSandbox()
      await wait(delayMs)
      const failed = failCommand(name, request)
      if (failed) return failed
      const handler = handlers[name] as (request: unknown) => Result<unknown>
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
