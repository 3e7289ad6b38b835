/**
 * The one definition of every command (renderer → main, request → response) and every event
 * (main → renderer). Both shells and the renderer's client are driven from this file.
 */
import { z } from 'zod'
import { DEFAULT_RATE_LIMIT, DEFAULT_REGION, accountKinds } from './accounts'
import type {
  AccountSummary,
  AppInfo,
  ImportableAccount,
  BucketSummary,
  ConnectionReport,
  SandboxStatus,
} from './accounts'
import type { AppError, Result } from './errors'
import type { RequestLogEntry, RequestStats } from './requests'
import {
  downloadLinksRequest,
  uploadLinkRequest,
  type LinkCheck,
  type ShareLink,
  type SigV2Support,
} from './share'
import type { CostEstimate, JobSummary, ObjectPage, ObjectProperties, Preview } from './objects'
import {
  conflictsRequest,
  downloadRequest,
  settingsRequest,
  transferIdRequest,
  uploadRequest,
  type TransferBatch,
  type TransferSettings,
  type TransfersList,
  type TransfersUpdate,
} from './transfers'
import { nameClashPolicies } from './name-clash'
import type { SearchCost, SearchProgress, SearchSummary } from './search'
import { editIdRequest, editOpenRequest, editResolveRequest, type EditSession } from './edits'
import {
  localFoldersRequest,
  type ChooseFolderRequest,
  type LocalFolderListing,
} from './local-folders'
import {
  syncPairDraft,
  syncPairRef,
  syncRunRequest,
  type CompareProgress,
  type Comparison,
  type SyncPair,
  type SyncPlan,
  type SyncRunSnapshot,
} from './sync'

/** A command: the request's schema, and the response type carried only at the type level. */
const command =
  <Response>() =>
  <Request extends z.ZodType>(request: Request) => ({
    request,
    response: undefined as unknown as Response,
  })

const event = <Payload>() => ({ payload: undefined as unknown as Payload })

const id = z.string().min(1).max(200)

/** Chosen by the caller for a command it may give up on: `requests.cancel` stops it. */
const requestId = z.string().min(1).max(200).optional()

const accountDraft = z.strictObject({
  name: z.string().trim().min(1, 'Give the account a name.').max(100),
  kind: z.enum(accountKinds).exclude(['sandbox']),
  endpoint: z.string().trim().min(1, 'Enter the endpoint URL.').max(2000),
  region: z.string().trim().min(1).max(64).default(DEFAULT_REGION),
  forcePathStyle: z.boolean().default(true),
  accessKeyId: z.string().trim().min(1, 'Enter the access key.').max(256),
  /** Empty when editing an account keeps the stored secret. */
  secretAccessKey: z.string().max(1024).default(''),
  /** Take the secret from an AWS CLI profile or the environment (see accounts.importable). */
  secretFrom: z
    .strictObject({ source: z.enum(['profile', 'environment']), name: z.string().min(1).max(200) })
    .nullable()
    .default(null),
  caFile: z.string().max(4096).nullable().default(null),
  rateLimit: z.number().int().min(1).max(10_000).default(DEFAULT_RATE_LIMIT),
})

const bucket = z.string().min(1).max(255)
/** Keys are any UTF-8 up to 1,024 bytes: checked in main, never trimmed or normalised. */
const key = z.string().min(1).max(1024)
const prefix = z.string().max(1024)

const selection = z.strictObject({
  bucket,
  keys: z.array(key).max(100_000),
  /** '' is the whole bucket. */
  prefixes: z.array(prefix).max(10_000),
})

const metadata = z.record(z.string().min(1).max(128), z.string().max(2048))

const copyFields = {
  kind: z.enum(['copy', 'move']),
  accountId: id,
  selection,
  /**
   * Destination bucket and folder prefix ('' for the root), and its account when that is not
   * the source's (a paste into another account: read and written through both connections).
   */
  target: z.strictObject({ bucket, prefix, accountId: id.optional() }),
  /** A new name for a single key or folder (rename is a move with a name). */
  newName: z.string().min(1).max(1024).optional(),
}

const jobRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('delete'), accountId: id, selection }),
  z.strictObject({
    ...copyFields,
    /**
     * What to do where a target name exists. Without it, main refuses with NAME_CLASH when any
     * target exists (ask first with jobs.clashes).
     */
    conflict: z.enum(nameClashPolicies).optional(),
  }),
  z.strictObject({
    kind: z.literal('empty-bucket'),
    accountId: id,
    bucket,
    deleteBucket: z.boolean().default(false),
  }),
])

export type JobRequest = z.input<typeof jobRequest>

export type AccountDraft = z.input<typeof accountDraft>
export type ParsedAccountDraft = z.output<typeof accountDraft>

export const commands = {
  'app.info': command<AppInfo>()(z.strictObject({})),
  'accounts.list': command<readonly AccountSummary[]>()(z.strictObject({})),
  /** Checks a draft (or a saved account with `id`) by listing its buckets. */
  'accounts.test': command<ConnectionReport>()(
    z.strictObject({ id: id.optional(), draft: accountDraft, requestId }),
  ),
  'accounts.save': command<AccountSummary>()(
    z.strictObject({ id: id.optional(), draft: accountDraft }),
  ),
  'accounts.remove': command<null>()(z.strictObject({ id })),
  /** Profiles in ~/.aws/credentials and ~/.aws/config, and the AWS_* variables, without secrets. */
  'accounts.importable': command<readonly ImportableAccount[]>()(z.strictObject({})),
  'sandbox.start': command<SandboxStatus>()(z.strictObject({})),
  'buckets.list': command<readonly BucketSummary[]>()(z.strictObject({ accountId: id, requestId })),
  'buckets.create': command<BucketSummary>()(z.strictObject({ accountId: id, name: bucket })),
  /** Fails with BUCKET_NOT_EMPTY when objects remain: empty it with an 'empty-bucket' job. */
  'buckets.delete': command<null>()(z.strictObject({ accountId: id, name: bucket })),
  /** One page of a folder (delimiter '/'), or of a whole-bucket prefix search (recursive). */
  'objects.list': command<ObjectPage>()(
    z.strictObject({
      accountId: id,
      bucket,
      prefix,
      recursive: z.boolean().default(false),
      continuationToken: z.string().max(4096).nullable().default(null),
      /** Entries a request to the server asks for (S3 caps it at 1,000). */
      maxKeys: z.number().int().min(1).max(1000).default(1000),
      /**
       * Entries one answer hands back at most (default `maxKeys`): a listing reads ahead, so the
       * window can take several requests' worth of what has arrived in one call.
       */
      maxEntries: z.number().int().min(1).max(10_000).optional(),
      requestId,
    }),
  ),
  /** What a whole-bucket search below `prefix` will cost, known before any request is sent. */
  'objects.searchCost': command<SearchCost>()(z.strictObject({ accountId: id, bucket, prefix })),
  /**
   * Searches every key below `prefix` for `text` anywhere in it (ignoring case): a walk of the
   * whole folder, each page's matches sent as `objects.searchResults` while it runs; requests.cancel
   * with its requestId stops it (CANCELLED).
   */
  'objects.search': command<SearchSummary>()(
    z.strictObject({
      accountId: id,
      bucket,
      prefix,
      text: z.string().min(1).max(1024),
      requestId: z.string().min(1).max(200),
    }),
  ),
  'objects.head': command<ObjectProperties>()(
    z.strictObject({ accountId: id, bucket, key, requestId }),
  ),
  /** Rewrites headers and metadata in place (CopyObject, REPLACE), keeping everything else. */
  'objects.updateProperties': command<ObjectProperties>()(
    z.strictObject({
      accountId: id,
      bucket,
      key,
      contentType: z.string().max(256),
      cacheControl: z.string().max(1024).nullable(),
      metadata,
    }),
  ),
  'objects.createFolder': command<{ readonly key: string }>()(
    z.strictObject({ accountId: id, bucket, prefix, name: z.string().min(1).max(1024) }),
  ),
  'objects.preview': command<Preview>()(z.strictObject({ accountId: id, bucket, key, requestId })),
  /** Counts what a delete, copy or move of a selection takes, listing folders as needed. */
  'objects.estimate': command<CostEstimate>()(
    z.strictObject({
      accountId: id,
      selection,
      operation: z.enum(['delete', 'copy', 'move']),
      requestId,
    }),
  ),
  'jobs.start': command<JobSummary>()(jobRequest),
  /** Which target keys of a copy, move or rename exist already (from listings, no HEADs). */
  'jobs.clashes': command<{ readonly existing: readonly string[] }>()(
    z.strictObject({ ...copyFields, requestId }),
  ),
  'jobs.cancel': command<null>()(z.strictObject({ jobId: id })),
  'jobs.list': command<readonly JobSummary[]>()(z.strictObject({})),
  'jobs.clearFinished': command<null>()(z.strictObject({})),
  /** The account's most recent HTTP requests, oldest first. */
  'requests.log': command<readonly RequestLogEntry[]>()(z.strictObject({ accountId: id })),
  /**
   * Gives up on a command sent with this `requestId` (Test connection, listings, properties,
   * previews, clash checks): it ends with CANCELLED. `cancelled` is false when none was running (it had finished).
   */
  'requests.cancel': command<{ readonly cancelled: boolean }>()(
    z.strictObject({ requestId: z.string().min(1).max(200) }),
  ),
  /** Queues files (and empty folders) for upload under a prefix; clashes follow `conflict`. */
  'transfers.upload': command<TransferBatch>()(uploadRequest),
  /** Which of these keys exist already (from listings of their folders, never a HEAD each). */
  'transfers.conflicts': command<{ readonly existing: readonly string[] }>()(conflictsRequest),
  /** Queues objects and whole folders for download into a local folder. */
  'transfers.download': command<TransferBatch>()(downloadRequest),
  'transfers.list': command<TransfersList>()(z.strictObject({})),
  'transfers.pause': command<null>()(transferIdRequest),
  'transfers.resume': command<null>()(transferIdRequest),
  /** Stops a transfer for good: aborts its multipart upload, removes its partial file. */
  'transfers.cancel': command<null>()(transferIdRequest),
  /** Queues a failed transfer again; it continues from what already arrived. */
  'transfers.retry': command<null>()(transferIdRequest),
  'transfers.pauseAll': command<null>()(z.strictObject({})),
  'transfers.resumeAll': command<null>()(z.strictObject({})),
  /** Removes finished transfers; failed ones give up what they hold (upload, partial file). */
  'transfers.clearFinished': command<null>()(z.strictObject({})),
  /** Aborts every multipart upload left from an earlier run (paused, not resumed) and drops it. */
  'transfers.abortOrphans': command<{ readonly aborted: number; readonly failed: number }>()(
    z.strictObject({}),
  ),
  /** Reads the settings; any field given is changed (and kept for the next start). */
  'transfers.settings': command<TransferSettings>()(settingsRequest),
  /** Presigned GET links, one per key, signed offline and added to the account's history. */
  'shares.download': command<readonly ShareLink[]>()(downloadLinksRequest),
  /** A presigned PUT link for one key, with its content type signed in and a curl command. */
  'shares.upload': command<ShareLink>()(uploadLinkRequest),
  /** The account's issued links, newest first (expired ones included until forgotten). */
  'shares.history': command<readonly ShareLink[]>()(z.strictObject({ accountId: id })),
  /** Signs a link of the history again with the same settings, valid from now. */
  'shares.resign': command<ShareLink>()(z.strictObject({ id })),
  'shares.forget': command<null>()(z.strictObject({ id })),
  'shares.clearExpired': command<null>()(z.strictObject({ accountId: id })),
  /** Tries a download link with one ranged GET (one request against the account's budget). */
  'shares.check': command<LinkCheck>()(z.strictObject({ id })),
  /**
   * Whether the endpoint accepts SigV2 query authentication, checked with one signed GET in
   * `bucket` and remembered per account; `recheck` asks again.
   */
  'shares.sigv2': command<SigV2Support>()(
    z.strictObject({ accountId: id, bucket, recheck: z.boolean().default(false) }),
  ),
  /** Saved sync pairs, with their last run. */
  'sync.pairs.list': command<readonly SyncPair[]>()(z.strictObject({})),
  /** Saves a new pair (no id) or changes a saved one. */
  'sync.pairs.save': command<SyncPair>()(
    z.strictObject({ id: id.optional(), draft: syncPairDraft }),
  ),
  /** Forgets a pair and its manifest; touches no file or object. */
  'sync.pairs.remove': command<null>()(z.strictObject({ id })),
  /**
   * Compares a pair's two sides: recursive listings (no HEAD per object), stat, and hashes only
   * where size and time cannot decide (progress as sync.compareProgress with this requestId).
   */
  'sync.compare': command<Comparison>()(z.strictObject({ pair: syncPairRef, requestId })),
  /** What a run of this comparison would do: actions, totals, requests, time, guards. */
  'sync.preview': command<SyncPlan>()(z.strictObject({ comparisonId: id })),
  /** Runs a plan as a job in the transfer queue; NEEDS_CONFIRMATION when over the delete limits. */
  'sync.run': command<SyncRunSnapshot>()(syncRunRequest),
  'sync.runs': command<readonly SyncRunSnapshot[]>()(z.strictObject({})),
  'sync.pause': command<null>()(z.strictObject({ runId: id })),
  'sync.resume': command<null>()(z.strictObject({ runId: id })),
  /** Stops a run: what was transferred stays, nothing more is deleted. */
  'sync.cancel': command<null>()(z.strictObject({ runId: id })),
  /**
   * The in-app folder chooser (the web shell has no OS dialog): the sub-folders of the home folder
   * (path null) or of a folder main listed before; names only, never file contents.
   */
  'local.folders': command<LocalFolderListing>()(localFoldersRequest),
  /**
   * Opens an object in the system's app from a temporary copy; each save there is uploaded after
   * checking the server copy is unchanged (ETag). Opening one already open returns its session.
   */
  'edits.open': command<EditSession>()(editOpenRequest),
  'edits.list': command<readonly EditSession[]>()(z.strictObject({})),
  /** The user's choice for a save that found the server copy changed (state 'conflict'). */
  'edits.resolve': command<EditSession>()(editResolveRequest),
  /** Ends editing: a save under way finishes first, then the temporary copy is removed. */
  'edits.stop': command<null>()(editIdRequest),
} as const

export const events = {
  'accounts.changed': event<readonly AccountSummary[]>(),
  'sandbox.status': event<SandboxStatus>(),
  /** A job's new state or progress; at most about 5 per second per job. */
  'jobs.updated': event<JobSummary>(),
  /** An account's request meter, about twice a second while it sends requests. */
  'requests.stats': event<RequestStats>(),
  /** Objects changed under a bucket prefix (after a job or an edit): listings there are stale. */
  'objects.changed': event<{
    readonly accountId: string
    readonly bucket: string
    readonly prefix: string
  }>(),
  /** A page of a running `objects.search`: its matches and how far the walk has got. */
  'objects.searchResults': event<SearchProgress>(),
  /** Transfers that changed, and overall totals: at most 5 a second. */
  'transfers.updated': event<TransfersUpdate>(),
  /** Something the user should read that answers no command (a drag to the desktop that failed). */
  'app.notice': event<{ readonly level: 'info' | 'error'; readonly message: string }>(),
  /** The account's link history changed (a link issued, re-signed or forgotten). */
  'shares.changed': event<{ readonly accountId: string }>(),
  /** Saved pairs changed (saved, removed, a run finished). */
  'sync.pairsChanged': event<readonly SyncPair[]>(),
  /** An edit session's new state (opening, editing, saving, conflict, failed, stopped). */
  'edits.updated': event<EditSession>(),
  /** Listing and hashing progress of a sync.compare, at most 5 a second. */
  'sync.compareProgress': event<CompareProgress>(),
  /** A sync run's progress and, at the end, its summary; at most 5 a second per run. */
  'sync.runUpdated': event<SyncRunSnapshot>(),
} as const

export type Commands = typeof commands
export type CommandName = keyof Commands
export type CommandRequest<C extends CommandName> = z.input<Commands[C]['request']>
export type ParsedRequest<C extends CommandName> = z.output<Commands[C]['request']>
export type CommandResponse<C extends CommandName> = Commands[C]['response']
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = (typeof events)[E]['payload']

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.hasOwn(commands, name)

/** Electron only: an object dragged from the table to the desktop. */
export const dragOutRequest = z.strictObject({ accountId: id, bucket, key })
export type DragOutRequest = z.input<typeof dragOutRequest>

/** How many objects of a selection main fetches ahead for dragging out. */
export const DRAG_PREPARE_MAX_KEYS = 4

/** Electron only: the selected objects (the first few), fetched ahead so a drag can start at once. */
export const dragPrepareRequest = z.strictObject({
  accountId: id,
  bucket,
  keys: z.array(key).max(DRAG_PREPARE_MAX_KEYS),
})
export type DragPrepareRequest = z.input<typeof dragPrepareRequest>

/** What `window.dss` (Electron preload) and the web shell's client both provide. */
export type DssApi = {
  invoke<C extends CommandName>(
    name: C,
    request: CommandRequest<C>,
  ): Promise<Result<CommandResponse<C>>>
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
  /**
   * Electron only: the local path of a dropped or picked File (webUtils.getPathForFile), so
   * uploads read from disk and the page never invents a path. Absent in the web shell, where
   * files are staged over HTTP instead.
   */
  pathForFile?(file: unknown): string
  /**
   * Electron only: the selection changed. Main fetches its objects ahead (small files only), so
   * that a drag out can start the moment it is asked for.
   */
  prepareDrag?(request: DragPrepareRequest): void
  /**
   * Electron only, called from the row's dragstart: starts dragging an object out to the desktop
   * or a file manager with the file fetched ahead; anything else (still fetching, too large)
   * arrives as an `app.notice` event.
   */
  startDrag?(request: DragOutRequest): void
  /**
   * Electron only: the OS folder dialog; the chosen folder, or null when cancelled. Absent in the
   * web shell, where the in-app chooser lists folders through `local.folders`.
   */
  chooseFolder?(request: ChooseFolderRequest): Promise<string | null>
}

export type { AppError, Result }
