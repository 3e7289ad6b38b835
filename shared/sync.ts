/**
 * Folder sync as both sides see it: saved pairs (a local folder and a bucket folder kept in step),
 * the comparison of the two sides, the plan a run would carry out, and a run's progress.
 */
import { z } from 'zod'
import type { AppError } from './errors'

/**
 * upload / download copy new and changed files one way and delete nothing; mirror-up and
 * mirror-down also delete on the target what the source no longer has; two-way sends each side's
 * changes to the other (a manifest remembers the last agreed state) and keeps both on a conflict.
 */
export const syncDirections = ['upload', 'download', 'mirror-up', 'mirror-down', 'two-way'] as const
export type SyncDirection = (typeof syncDirections)[number]

/**
 * size-time: size and modification time decide, a hash only where they cannot (the default);
 * checksum: equal sizes are always confirmed by content (MD5 or the multipart ETag).
 */
export const syncCompareModes = ['size-time', 'checksum'] as const
export type SyncCompareMode = (typeof syncCompareModes)[number]

/** The share of the target's files a run may delete before it stops and asks (50 %). */
export const DEFAULT_MAX_DELETE_SHARE = 0.5
/** The number of deletes a run may make before it stops and asks. */
export const DEFAULT_MAX_DELETES = 1000

const id = z.string().min(1).max(200)

/** What the user edits: a new pair, or a saved one's fields. */
export const syncPairDraft = z.strictObject({
  name: z.string().trim().min(1, 'Give the sync pair a name.').max(100),
  accountId: id,
  bucket: z.string().min(1).max(255),
  /** The bucket folder, '' for the whole bucket; a folder ends in '/'. */
  prefix: z.string().max(1024),
  /** An absolute local folder. */
  localPath: z.string().min(1, 'Pick a local folder.').max(4096),
  direction: z.enum(syncDirections),
  compare: z.enum(syncCompareModes).default('size-time'),
  /** Above this many deletes a run stops and asks. */
  maxDeletes: z.number().int().min(0).max(10_000_000).default(DEFAULT_MAX_DELETES),
  /** Above this share (0–1) of the target's files deleted a run stops and asks. */
  maxDeleteShare: z.number().min(0).max(1).default(DEFAULT_MAX_DELETE_SHARE),
})
export type SyncPairDraft = z.input<typeof syncPairDraft>
export type ParsedSyncPairDraft = z.output<typeof syncPairDraft>

/** How a run ended: 'stopped' is a guard that asked for confirmation (nothing deleted). */
export const syncRunOutcomes = ['done', 'failed', 'cancelled', 'stopped'] as const
export type SyncRunOutcome = (typeof syncRunOutcomes)[number]

/** What a pair shows of its last run. */
export type SyncRunSummary = {
  readonly runId: string
  readonly outcome: SyncRunOutcome
  /** ISO 8601. */
  readonly startedAt: string
  readonly finishedAt: string
  readonly uploaded: number
  readonly downloaded: number
  readonly deleted: number
  /** Conflicts kept as both (a renamed copy). */
  readonly keptBoth: number
  readonly failed: number
  readonly bytes: number
  /** HTTP requests the run sent (listings included). */
  readonly requests: number
  /** One plain sentence: "12 uploaded, 2 deleted, 1 conflict kept as both." or why it stopped. */
  readonly message: string
}

export type SyncPair = ParsedSyncPairDraft & {
  readonly id: string
  readonly lastRun: SyncRunSummary | null
}

/** A saved pair (by id) or one not saved yet (its draft). */
export const syncPairRef = z.union([
  z.strictObject({ pairId: id }),
  z.strictObject({ draft: syncPairDraft }),
])
export type SyncPairRef = z.input<typeof syncPairRef>

/** The groups of a comparison; 'skipped' holds what is never synced (symlinks, bad names). */
export const comparisonGroups = [
  'identical',
  'changed',
  'local-only',
  'remote-only',
  'conflict',
  'skipped',
] as const
export type ComparisonGroup = (typeof comparisonGroups)[number]

/** For a changed file: which side is newer, or that they differ and neither can be said newer. */
export type ChangeSide = 'local-newer' | 'remote-newer' | 'differs'

export type LocalSide = {
  readonly size: number
  readonly mtimeMs: number
}

export type RemoteSide = {
  readonly size: number
  /** ISO 8601, from the listing. */
  readonly lastModified: string | null
  readonly etag: string | null
}

export type ComparisonRow = {
  /** '/'-separated, relative to both roots; a folder ends in '/'. */
  readonly path: string
  readonly kind: 'file' | 'folder'
  readonly group: ComparisonGroup
  /** Set for 'changed' (and for 'conflict': what each side did). */
  readonly change: ChangeSide | null
  readonly local: LocalSide | null
  readonly remote: RemoteSide | null
  /** Why it landed in its group, in a plain sentence ("Same size and MD5."). */
  readonly reason: string
}

export type GroupTotals = { readonly count: number; readonly bytes: number }

/** How a side's listing went: a failed or empty side never leads to a delete. */
export type SideListing = {
  readonly ok: boolean
  readonly files: number
  readonly folders: number
  readonly bytes: number
  /** Why it failed, when it did. */
  readonly error: AppError | null
}

export type Comparison = {
  /** Pass to sync.preview (kept in main for a while). */
  readonly comparisonId: string
  readonly pairId: string | null
  readonly direction: SyncDirection
  readonly groups: Readonly<Record<ComparisonGroup, GroupTotals>>
  readonly rows: readonly ComparisonRow[]
  readonly local: SideListing
  readonly remote: SideListing
  /** Listing requests sent (the only requests a comparison sends). */
  readonly requests: number
  /** Files whose content was hashed (where size and time could not decide). */
  readonly hashed: { readonly files: number; readonly bytes: number; readonly fromCache: number }
  /** Whether a manifest of the last agreed state was there (two-way needs one to tell sides). */
  readonly manifest: boolean
  readonly comparedAt: string
}

export const syncActionKinds = [
  'upload',
  'download',
  /** Upload over a remote object. */
  'replace-remote',
  /** Download over a local file: the finished download takes its place in one rename. */
  'replace-local',
  'delete-remote',
  /** To the OS trash (the web shell: the data folder's trash). */
  'delete-local',
  /** A conflict: the other side's version is saved beside under "name (1)", nothing overwritten. */
  'keep-both',
  'create-remote-folder',
  'create-local-folder',
] as const
export type SyncActionKind = (typeof syncActionKinds)[number]

export type SyncAction = {
  readonly kind: SyncActionKind
  readonly path: string
  /** keep-both: the name the copy gets ("a (1).txt"). */
  readonly newPath: string | null
  readonly bytes: number
  readonly reason: string
}

export type ActionTotals = { readonly files: number; readonly bytes: number }

/** Why a plan cannot run as it is. */
export type SyncGuard =
  | {
      /** More deletes than the pair allows: the run stops and asks (sync.run with confirmDeletes). */
      readonly kind: 'too-many-deletes'
      readonly deletes: number
      readonly targetFiles: number
      readonly maxDeletes: number
      readonly maxDeleteShare: number
      readonly message: string
    }
  | {
      /**
       * Objects whose names cannot be local file names unchanged here (`?`, `:`, a trailing dot…
       * on this or another system): they are not written locally, never under a changed name.
       */
      readonly kind: 'names-skipped'
      readonly paths: readonly string[]
      readonly message: string
    }
  | {
      /** A side's listing failed or came back empty: its deletes were left out (never asked). */
      readonly kind: 'deletes-withheld'
      readonly withheld: number
      readonly message: string
    }

export type SyncPlan = {
  readonly planId: string
  readonly comparisonId: string
  readonly pairId: string | null
  readonly direction: SyncDirection
  readonly actions: readonly SyncAction[]
  readonly totals: {
    readonly uploads: ActionTotals
    readonly downloads: ActionTotals
    readonly replaces: ActionTotals
    readonly deletes: ActionTotals
    readonly keptBoth: ActionTotals
    readonly folders: number
  }
  /** HTTP requests the run will send (parts, PUTs, GETs, deletes, the final listing). */
  readonly requests: number
  /** At the account's request rate, not counting bandwidth. */
  readonly seconds: number
  /** Non-null when the run would stop, or has left deletes out. */
  readonly guards: readonly SyncGuard[]
  /** Whether sync.run needs confirmDeletes: true. */
  readonly needsConfirmation: boolean
}

export const syncRunStates = ['running', 'paused', 'finished'] as const
export type SyncRunState = (typeof syncRunStates)[number]

export type SyncRunSnapshot = {
  readonly runId: string
  readonly planId: string
  readonly pairId: string | null
  readonly name: string
  readonly state: SyncRunState
  /** What it is doing now: 'transfers' then 'deletes' then 'manifest'. */
  readonly phase: 'transfers' | 'deletes' | 'manifest' | 'done'
  readonly actionsDone: number
  readonly actionsTotal: number
  readonly bytesDone: number
  readonly bytesTotal: number
  readonly failed: number
  /** Set once finished. */
  readonly summary: SyncRunSummary | null
}

/** Progress of a comparison: listing each side, then hashing what size and time cannot decide. */
export type CompareProgress = {
  readonly requestId: string | null
  readonly phase: 'listing-local' | 'listing-remote' | 'hashing'
  readonly files: number
  readonly bytesDone: number
  readonly bytesTotal: number
}

export const syncRunRequest = z.strictObject({
  planId: id,
  /** Needed when the plan's deletes are over the pair's limits (plan.needsConfirmation). */
  confirmDeletes: z.boolean().default(false),
})
