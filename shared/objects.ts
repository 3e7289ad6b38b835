/** Objects, folders, properties and bulk jobs as both sides see them. */
import type { AppError } from './errors'

export type ObjectEntry = {
  readonly key: string
  readonly size: number
  /** ISO 8601. */
  readonly lastModified: string | null
  readonly etag: string | null
  readonly storageClass: string | null
}

/** A common prefix ("folder"), always ending in '/'. */
export type FolderEntry = { readonly prefix: string }

export type ObjectPage = {
  readonly folders: readonly FolderEntry[]
  readonly objects: readonly ObjectEntry[]
  /** Pass back to get the next page; null when the listing is complete. */
  readonly nextToken: string | null
}

export type ObjectProperties = {
  readonly key: string
  readonly size: number
  readonly etag: string | null
  readonly contentType: string | null
  readonly cacheControl: string | null
  readonly contentDisposition: string | null
  readonly contentEncoding: string | null
  readonly lastModified: string | null
  readonly storageClass: string | null
  readonly metadata: Readonly<Record<string, string>>
}

export type Preview =
  | { readonly kind: 'image'; readonly contentType: string; readonly dataUrl: string }
  | { readonly kind: 'text'; readonly text: string; readonly truncated: boolean }
  | { readonly kind: 'none'; readonly reason: string }

/** What a bulk operation will cost before it runs. */
export type CostEstimate = {
  readonly objects: number
  readonly bytes: number
  /** HTTP requests, listings included. */
  readonly requests: number
  /** At the account's request-rate limit. */
  readonly seconds: number
}

/** Objects and folders picked in one bucket. */
export type Selection = {
  readonly bucket: string
  readonly keys: readonly string[]
  /** Folder prefixes, each taken recursively. */
  readonly prefixes: readonly string[]
}

export const jobKinds = ['delete', 'copy', 'move', 'empty-bucket'] as const
export type JobKind = (typeof jobKinds)[number]

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

export type JobFailure = { readonly key: string; readonly code: string; readonly message: string }

export type JobSummary = {
  readonly id: string
  readonly accountId: string
  readonly kind: JobKind
  /** One line for people, e.g. 'Delete "photos/" in bucket-a'. */
  readonly title: string
  readonly state: JobState
  readonly done: number
  /** null while still counting. */
  readonly total: number | null
  /** Per-object failures (the first 100); the job itself still runs on. */
  readonly failures: readonly JobFailure[]
  readonly failureCount: number
  readonly error: AppError | null
  readonly startedAt: string
  readonly finishedAt: string | null
}

/** A job as it starts: queued, nothing done, nothing counted yet. */
export const queuedJob = (
  start: Pick<JobSummary, 'id' | 'accountId' | 'kind' | 'title'>,
): JobSummary => ({
  ...start,
  state: 'queued',
  done: 0,
  total: null,
  failures: [],
  failureCount: 0,
  error: null,
  startedAt: new Date().toISOString(),
  finishedAt: null,
})
