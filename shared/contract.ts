/**
 * The one definition of every command (renderer → main, request → response) and every event
 * (main → renderer). Both shells and the renderer's client are driven from this file.
 */
import { z } from 'zod'
import { DEFAULT_RATE_LIMIT, DEFAULT_REGION, accountKinds } from './accounts'
import type {
  AccountSummary,
  AppInfo,
  BucketSummary,
  ConnectionReport,
  SandboxStatus,
} from './accounts'
import type { AppError, Result } from './errors'

/** A command: the request's schema, and the response type carried only at the type level. */
const command =
  <Response>() =>
  <Request extends z.ZodType>(request: Request) => ({
    request,
    response: undefined as unknown as Response,
  })

const event = <Payload>() => ({ payload: undefined as unknown as Payload })

const id = z.string().min(1).max(200)

const accountDraft = z.strictObject({
  name: z.string().trim().min(1, 'Give the account a name.').max(100),
  kind: z.enum(accountKinds).exclude(['sandbox']),
  endpoint: z.string().trim().min(1, 'Enter the endpoint URL.').max(2000),
  region: z.string().trim().min(1).max(64).default(DEFAULT_REGION),
  forcePathStyle: z.boolean().default(true),
  accessKeyId: z.string().trim().min(1, 'Enter the access key.').max(256),
  /** Empty when editing an account keeps the stored secret. */
  secretAccessKey: z.string().max(1024).default(''),
  caFile: z.string().max(4096).nullable().default(null),
  rateLimit: z.number().int().min(1).max(10_000).default(DEFAULT_RATE_LIMIT),
})

export type AccountDraft = z.input<typeof accountDraft>
export type ParsedAccountDraft = z.output<typeof accountDraft>

export const commands = {
  'app.info': command<AppInfo>()(z.strictObject({})),
  'accounts.list': command<readonly AccountSummary[]>()(z.strictObject({})),
  /** Checks a draft (or a saved account with `id`) by listing its buckets. */
  'accounts.test': command<ConnectionReport>()(
    z.strictObject({ id: id.optional(), draft: accountDraft }),
  ),
  'accounts.save': command<AccountSummary>()(
    z.strictObject({ id: id.optional(), draft: accountDraft }),
  ),
  'accounts.remove': command<null>()(z.strictObject({ id })),
  'sandbox.start': command<SandboxStatus>()(z.strictObject({})),
  'buckets.list': command<readonly BucketSummary[]>()(z.strictObject({ accountId: id })),
} as const

export const events = {
  'accounts.changed': event<readonly AccountSummary[]>(),
  'sandbox.status': event<SandboxStatus>(),
} as const

export type Commands = typeof commands
export type CommandName = keyof Commands
export type CommandRequest<C extends CommandName> = z.input<Commands[C]['request']>
export type ParsedRequest<C extends CommandName> = z.output<Commands[C]['request']>
export type CommandResponse<C extends CommandName> = Commands[C]['response']
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = (typeof events)[E]['payload']

export const commandNames = Object.keys(commands) as CommandName[]
export const eventNames = Object.keys(events) as EventName[]

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.hasOwn(commands, name)

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name)

/** What `window.dss` (Electron preload) and the web shell's client both provide. */
export type DssApi = {
  invoke<C extends CommandName>(
    name: C,
    request: CommandRequest<C>,
  ): Promise<Result<CommandResponse<C>>>
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
}

export type { AppError, Result }
