/** Whole-bucket search by any part of a key: what it costs, what it finds, as both sides see them. */
import type { ObjectEntry } from './objects'

/** S3 lists at most this many keys per request, so a walk costs one request per this many objects. */
export const OBJECTS_PER_LISTING = 1000

/** A search stops collecting here, so a one-letter text in a huge bucket cannot fill the memory. */
export const MAX_SEARCH_MATCHES = 100_000

/** What a search below a folder will take, known before any request is sent. */
export type SearchCost = {
  /** Requests per second the account may send now (its limit, or less while the server pushes back). */
  readonly rate: number
  readonly objectsPerRequest: number
  /** What the last whole search of this folder went through (this run of the app), if any. */
  readonly lastWalk: { readonly objects: number; readonly requests: number } | null
}

/** A page of a running search: the matches in it and how far the walk has got. */
export type SearchProgress = {
  readonly requestId: string
  readonly matches: readonly ObjectEntry[]
  /** Objects looked at so far, and listing requests sent so far (some may still be on their way). */
  readonly scanned: number
  readonly requests: number
}

/** How a search ended. */
export type SearchSummary = {
  readonly scanned: number
  readonly requests: number
  readonly matched: number
  /** It stopped at MAX_SEARCH_MATCHES before the end of the folder. */
  readonly truncated: boolean
}

/**
 * Whether a key below `prefix` contains `text` anywhere in its path below the prefix, ignoring
 * case ("event-00" finds "logs/Event-0012.json" from the bucket's root).
 */
export const keyMatches = (key: string, prefix: string, text: string): boolean =>
  key.slice(prefix.length).toLocaleLowerCase().includes(text.toLocaleLowerCase())

/** The time a walk of `objects` takes at `rate` requests a second, in seconds (at least one request). */
export const searchSeconds = (objects: number, rate: number): number =>
  Math.max(1, Math.ceil(objects / OBJECTS_PER_LISTING)) / Math.max(rate, 0.001)
