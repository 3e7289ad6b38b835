/**
 * A listing with several pages in flight: the key space is cut into ranges (each listed from a
 * StartAfter up to and including its end key), cut further as pages show where the keys lie
 * (key-ranges.ts), and the ranges' pages are handed out in S3's byte order, every key once and a
 * folder that spans a cut once. A server that ignores StartAfter, or speaks only ListObjects v1,
 * gets the plain sequential walk.
 */
import { setMaxListeners } from 'node:events'
import type { FolderEntry, ObjectEntry } from '../../../shared/objects'
import type { Connection } from '../accounts'
import { requestSignal } from '../request-signal'
import { compareNames, cutsAhead, cutsWithin, pageMeasure, type PageSpan } from './key-ranges'
import { isV1Only, listPage } from './listing'

export type ListScope = {
  readonly bucket: string
  readonly prefix: string
  readonly recursive: boolean
  /** Entries per request (S3 caps it at 1,000). */
  readonly maxKeys: number
  /** List only what sorts after this entry (a key, or a folder that is then skipped whole). */
  readonly after?: string | null
}

export type ListedPage = {
  readonly objects: readonly ObjectEntry[]
  readonly folders: readonly FolderEntry[]
}

export type ParallelOptions = {
  /** Requests in flight at most (the governor still paces them). */
  readonly inFlight?: number
  /** Entries held for the reader before ranges past the first stop asking for more. */
  readonly buffered?: number
  /** Off: the sequential walk, one page after another. */
  readonly parallel?: boolean
}

export type ParallelListing = {
  /** The next entries in order (up to `maxEntries`), or null when the listing is complete. */
  next(maxEntries: number): Promise<ListedPage | null>
  /** Nothing left to hand out. */
  readonly finished: boolean
  /** Stops every request still in flight. */
  close(): void
}

type Range = {
  /** Listed after this entry (null: from the start). */
  after: string | null
  /** The last entry that belongs here, inclusive (null: to the end). */
  end: string | null
  token: string | null
  /** About how many pages are left in it, as last guessed (0: not known, or an open end). */
  pages: number
  /** The first request (by StartAfter) is still to be checked. */
  checked: boolean
  asking: boolean
  done: boolean
  objects: ObjectEntry[]
  folders: FolderEntry[]
}

/** Clients whose server answered a StartAfter with keys before it. */
const ignoresStartAfter = new WeakSet<object>()

const DEFAULT_IN_FLIGHT = 20
const DEFAULT_BUFFERED = 50_000
/**
 * The open end is cut at most this many pages ahead — and never farther than as many pages as
 * have been seen, so a short folder costs a few requests past its end, not a spread over 256
 * pages (DSS counts every request).
 */
const FARTHEST_PAGES = 256
/**
 * Ranges kept working at least, whatever the round trip: one listing and one read ahead. More are
 * cut while fewer work than the round trip needs to keep the account's rate busy (`wanted`).
 */
const MIN_WORKING = 2

const rangeFrom = (after: string | null, end: string | null): Range => ({
  after,
  end,
  token: null,
  pages: 0,
  checked: after === null,
  asking: false,
  done: false,
  objects: [],
  folders: [],
})

/** The entries of a sorted list up to `end`, inclusive. */
const upTo = <T>(entries: readonly T[], end: string, name: (entry: T) => string): readonly T[] => {
  let kept = entries.length
  while (kept > 0 && compareNames(name(entries[kept - 1] as T), end) > 0) kept -= 1
  return kept === entries.length ? entries : entries.slice(0, kept)
}

const later = (a: string | undefined, b: string | undefined): string | undefined =>
  a === undefined ? b : b === undefined || compareNames(a, b) > 0 ? a : b
const earlier = (a: string | undefined, b: string | undefined): string | undefined =>
  a === undefined ? b : b === undefined || compareNames(a, b) < 0 ? a : b

/** An answer to a StartAfter that holds entries before it: the server ignored it. */
const ignoredStartAfter = (
  after: string,
  objects: readonly ObjectEntry[],
  folders: readonly FolderEntry[],
) =>
  objects.some((object) => compareNames(object.key, after) <= 0) ||
  folders.some(
    (folder) => compareNames(folder.prefix, after) <= 0 && !after.startsWith(folder.prefix),
  )

export const openParallelListing = (
  connection: Connection,
  scope: ListScope,
  options: ParallelOptions = {},
  signal?: AbortSignal,
): ParallelListing => {
  const inFlight = options.inFlight ?? DEFAULT_IN_FLIGHT
  const bufferLimit = options.buffered ?? DEFAULT_BUFFERED
  /** The listing's signal: each request in flight listens to it (through its own, below). */
  const newController = (): AbortController => {
    const fresh = new AbortController()
    setMaxListeners(inFlight + 10, fresh.signal)
    return fresh
  }
  let controller = newController()
  let closed = false
  const stop = (): void => {
    controller.abort(signal?.reason)
    changed()
  }
  signal?.addEventListener('abort', stop, { once: true })

  const mayCut = (): boolean =>
    options.parallel !== false && !isV1Only(connection) && !ignoresStartAfter.has(connection.client)
  let ranges: Range[] = [rangeFrom(scope.after ?? null, null)]
  /** Pages answered so far: how far ahead the open end may be cut. */
  let pagesSeen = 0
  let asking = 0
  let failure: { error: unknown } | null = null
  /** What was handed out last, of each kind: nothing at or before it goes out again. */
  let lastObject: string | null = scope.after ?? null
  let lastFolder: string | null = scope.after ?? null
  let wake: (() => void) | null = null
  const changed = (): void => {
    wake?.()
    wake = null
  }

  /** Back to one sequential walk from the start; what was handed out is not handed out again. */
  const sequentialFromStart = (): void => {
    controller.abort()
    controller = newController()
    asking = 0
    ignoresStartAfter.add(connection.client)
    ranges = [rangeFrom(null, null)]
  }

  /**
   * Ranges worth keeping at work: as many requests as fit in one round trip at the account's
   * rate, plus one (at 100 requests a second, 2 when the server answers in 10 ms, 13 at 120 ms).
   * Each cut inside a range costs at most one request more (a piece's last page may be short),
   * so a listing cuts no more than the round trip pays for.
   */
  const wanted = (): number => {
    const { rate, roundTripMs } = connection.governor
    const fill = Math.ceil((rate * roundTripMs) / 1000) + 1
    return Math.min(inFlight, Math.max(MIN_WORKING, fill))
  }

  /**
   * Cuts of a range with an end, so the ranges left finish together: it is cut when it holds
   * more pages than the rounds the whole known rest needs at `want` ranges a round, or into as
   * many pieces as there are idle places.
   */
  const balancingCuts = (range: Range, end: string, span: PageSpan, want: number): string[] => {
    const known = ranges.reduce((sum, other) => sum + (other.done ? 0 : other.pages), 0)
    const rounds = Math.max(1, Math.ceil(known / want))
    const busy = working()
    const pieces = Math.min(
      inFlight - busy + 1,
      Math.max(want - busy + 1, Math.ceil(range.pages / rounds)),
    )
    return pieces >= 2 ? cutsWithin(span, scope.prefix, end, pieces, 1) : []
  }

  const cut = (range: Range, index: number, span: PageSpan): void => {
    if (!mayCut()) return
    const want = wanted()
    const pagesFrom = pageMeasure(span, scope.prefix)
    if (range.end !== null) range.pages = pagesFrom(span.last, range.end)
    const farthest = Math.min(FARTHEST_PAGES, Math.max(2, pagesSeen, want))
    const cuts =
      range.end === null
        ? cutsAhead(span, scope.prefix, farthest, want)
        : balancingCuts(range, range.end, span, want)
    if (cuts.length === 0) return
    const ends = [...cuts, range.end]
    const starts = [span.last, ...cuts]
    range.end = cuts[0] ?? range.end
    const added = cuts.map((after, at) => rangeFrom(after, ends[at + 1] ?? null))
    ranges.splice(index + 1, 0, ...added)
    for (const [at, piece] of [range, ...added].entries()) {
      const from = starts[at]
      piece.pages = piece.end === null || from === undefined ? 0 : pagesFrom(from, piece.end)
    }
  }

  const settle = (
    range: Range,
    answer: {
      objects: readonly ObjectEntry[]
      folders: readonly FolderEntry[]
      nextToken: string | null
    },
  ): void => {
    const { objects, folders } = answer
    pagesSeen += 1
    if (!range.checked && range.after !== null) {
      if (ignoredStartAfter(range.after, objects, folders)) return sequentialFromStart()
      range.checked = true
    }
    const end = range.end
    // Entries come sorted: those past the range's end are at the tail.
    const keptObjects = end === null ? objects : upTo(objects, end, (object) => object.key)
    const keptFolders = end === null ? folders : upTo(folders, end, (folder) => folder.prefix)
    for (const object of keptObjects) range.objects.push(object)
    for (const folder of keptFolders) range.folders.push(folder)
    const last = later(objects.at(-1)?.key, folders.at(-1)?.prefix)
    const passedEnd = keptObjects.length < objects.length || keptFolders.length < folders.length
    const reachedEnd = end !== null && last !== undefined && compareNames(last, end) >= 0
    range.done = answer.nextToken === null || passedEnd || reachedEnd || last === undefined
    range.token = answer.nextToken
    if (range.done || last === undefined) return
    const first = earlier(objects[0]?.key, folders[0]?.prefix) ?? last
    cut(range, ranges.indexOf(range), {
      first,
      last,
      count: objects.length + folders.length,
      pageSize: scope.maxKeys,
    })
  }

  const ask = (range: Range): void => {
    range.asking = true
    asking += 1
    const epoch = controller.signal
    const request = requestSignal(epoch)
    listPage(
      connection,
      {
        bucket: scope.bucket,
        prefix: scope.prefix,
        recursive: scope.recursive,
        continuationToken: range.token,
        startAfter: range.token === null ? range.after : null,
        maxKeys: scope.maxKeys,
        // What the reader waits for goes first; the ranges after it are read-ahead.
        priority: ranges[0] === range ? 'interactive' : 'read-ahead',
      },
      request.signal,
    )
      .finally(request.done)
      .then(
        (answer) => {
          if (epoch.aborted) return
          asking -= 1
          range.asking = false
          settle(range, answer)
          pump()
          changed()
        },
        (error: unknown) => {
          if (epoch.aborted) return
          asking -= 1
          range.asking = false
          failure ??= { error }
          controller.abort()
          changed()
        },
      )
  }

  /** Sends what may go: the first range always, the others while the reader keeps up. */
  /**
   * The ranges that may ask for more: those with fewer than `bufferLimit` entries waiting before
   * them (the first always), so a reader that falls behind holds back the far ones only.
   */
  const open = (): Range[] => {
    const allowed: Range[] = []
    let before = 0
    for (const range of ranges) {
      if (allowed.length > 0 && before >= bufferLimit) break
      if (!range.done) allowed.push(range)
      before += range.objects.length + range.folders.length
    }
    return allowed
  }
  /** Ranges still listing that may ask: cuts are made while there are fewer than `inFlight`. */
  const working = (): number => open().length

  const pump = (): void => {
    if (failure || controller.signal.aborted) return
    for (const range of open()) {
      if (asking >= inFlight) return
      if (!range.asking) ask(range)
    }
  }
  /** Takes the head range's entries in order, objects and folders merged, none twice. */
  const takeFrom = (head: Range, room: number, objects: ObjectEntry[], folders: FolderEntry[]) => {
    let objectAt = 0
    let folderAt = 0
    while (room > 0 && (objectAt < head.objects.length || folderAt < head.folders.length)) {
      const object = head.objects[objectAt]
      const folder = head.folders[folderAt]
      if (object && (!folder || compareNames(object.key, folder.prefix) < 0)) {
        objectAt += 1
        if (lastObject !== null && compareNames(object.key, lastObject) <= 0) continue
        objects.push(object)
        lastObject = object.key
      } else if (folder) {
        folderAt += 1
        if (lastFolder !== null && compareNames(folder.prefix, lastFolder) <= 0) continue
        folders.push(folder)
        lastFolder = folder.prefix
      }
      room -= 1
    }
    head.objects = head.objects.slice(objectAt)
    head.folders = head.folders.slice(folderAt)
  }

  const take = (maxEntries: number): ListedPage | null => {
    const objects: ObjectEntry[] = []
    const folders: FolderEntry[] = []
    for (let head = ranges[0]; head; head = ranges[0]) {
      const room = maxEntries - objects.length - folders.length
      if (room <= 0) break
      takeFrom(head, room, objects, folders)
      if (!head.done || head.objects.length + head.folders.length > 0) break
      ranges.shift()
    }
    return objects.length + folders.length > 0 ? { objects, folders } : null
  }

  pump()
  return {
    get finished() {
      return ranges.length === 0
    },
    async next(maxEntries) {
      for (;;) {
        if (failure) throw failure.error
        if (signal?.aborted) throw signal.reason
        if (closed) return null
        const page = take(maxEntries)
        if (page) {
          pump()
          return page
        }
        if (ranges.length === 0) return null
        await new Promise<void>((resolve) => {
          wake = resolve
        })
      }
    },
    close() {
      closed = true
      signal?.removeEventListener('abort', stop)
      controller.abort()
      changed()
    },
  }
}

/** The whole listing as an async generator of pages in order (at most `pageSize` entries). */
export async function* walkListing(
  connection: Connection,
  scope: ListScope,
  signal?: AbortSignal,
  options: ParallelOptions & { readonly pageSize?: number } = {},
): AsyncGenerator<ListedPage> {
  const listing = openParallelListing(connection, scope, options, signal)
  try {
    for (;;) {
      const page = await listing.next(options.pageSize ?? scope.maxKeys)
      if (!page) return
      yield page
    }
  } finally {
    listing.close()
  }
}
