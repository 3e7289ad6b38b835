/**
 * `objects.list` page by page, from parallel listings kept between calls: the first page opens a
 * listing that goes on fetching while the window shows what it has, and the token handed back
 * names it. A token whose listing is gone (idle too long, or the app restarted its core) still
 * carries the last entry handed out, so the listing resumes after it.
 */
import type { ObjectPage } from '../../../shared/objects'
import { compareKeys } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import { listPage, type ListRequest } from './listing'
import { openParallelListing, type ListedPage, type ParallelListing } from './parallel-listing'

export type ListingSessions = {
  page(connection: Connection, request: ListRequest, signal?: AbortSignal): Promise<ObjectPage>
  /** Stops every listing still fetching. */
  closeAll(): void
}

type Session = {
  readonly id: string
  readonly client: object
  /** bucket, prefix, recursive and page size: a token is good only for the same listing. */
  readonly scope: string
  readonly listing: ParallelListing
  /** Pages handed out so far. */
  served: number
  /** A page is being waited for: the session is not given up for another. */
  busy: boolean
  timer?: ReturnType<typeof setTimeout>
}

const MARK = 'dss-walk.'
/** A listing nobody asked a page of for this long stops fetching. */
const IDLE_MS = 10_000
/**
 * Entries a listing holds ahead of the window: a folder the window left (between two pages, so
 * no page was cancelled) sends only this much more, not its whole folder, before it stops.
 */
const READ_AHEAD = 20_000
const MAX_SESSIONS = 16

const scopeOf = (request: ListRequest): string =>
  JSON.stringify([request.bucket, request.prefix, request.recursive, request.maxKeys])

type Token = { readonly id: string; readonly served: number; readonly after: string }

const encodeToken = (token: Token): string =>
  `${MARK}${token.id}.${token.served}.${Buffer.from(token.after, 'utf8').toString('base64url')}`

const decodeToken = (token: string): Token | null => {
  if (!token.startsWith(MARK)) return null
  const [id = '', served = '', after = ''] = token.slice(MARK.length).split('.')
  const count = Number(served)
  if (!id || !Number.isInteger(count)) return null
  return { id, served: count, after: Buffer.from(after, 'base64url').toString('utf8') }
}

/** The last entry of a page in S3's order: a resumed listing starts after it. */
const lastOf = (page: ListedPage): string => {
  const names = [page.objects.at(-1)?.key, page.folders.at(-1)?.prefix].filter(
    (name): name is string => name !== undefined,
  )
  return names.sort(compareKeys).at(-1) ?? ''
}

/** Waits for `work`, or rejects as soon as the signal aborts. */
const unlessAborted = <T>(work: Promise<T>, signal?: AbortSignal): Promise<T> => {
  if (!signal) return work
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

export const createListingSessions = (): ListingSessions => {
  const sessions = new Map<string, Session>()
  let opened = 0

  const close = (session: Session): void => {
    clearTimeout(session.timer)
    session.listing.close()
    sessions.delete(session.id)
  }

  const open = (connection: Connection, request: ListRequest, after: string | null): Session => {
    // Too many left open: the oldest idle one goes (a listing the window left behind).
    const idle = [...sessions.values()].find((session) => !session.busy)
    if (sessions.size >= MAX_SESSIONS && idle) close(idle)
    opened += 1
    const session: Session = {
      id: `${Date.now().toString(36)}${opened.toString(36)}`,
      client: connection.client,
      scope: scopeOf(request),
      listing: openParallelListing(connection, { ...request, after }, { buffered: READ_AHEAD }),
      served: 0,
      busy: false,
    }
    sessions.set(session.id, session)
    return session
  }

  const sessionFor = (connection: Connection, request: ListRequest): Session => {
    const token = request.continuationToken
    if (token === null) return open(connection, request, null)
    const known = decodeToken(token)
    if (!known) throw new Error('not a walk token')
    const session = sessions.get(known.id)
    const same =
      session?.client === connection.client &&
      session.scope === scopeOf(request) &&
      session.served === known.served
    if (session && same) return session
    return open(connection, request, known.after)
  }

  return {
    async page(connection, request, signal) {
      // A token of S3's own (from a page listed before this module) goes on as it began.
      const token = request.continuationToken
      if (token !== null && !decodeToken(token)) return listPage(connection, request, signal)
      const session = sessionFor(connection, request)
      clearTimeout(session.timer)
      let page: ListedPage | null
      session.busy = true
      try {
        page = await unlessAborted(
          session.listing.next(request.maxEntries ?? request.maxKeys),
          signal,
        )
      } catch (error) {
        close(session)
        throw error
      } finally {
        session.busy = false
      }
      if (!page || session.listing.finished) close(session)
      else {
        session.served += 1
        session.timer = setTimeout(() => close(session), IDLE_MS)
        session.timer.unref?.()
      }
      if (!page) return { objects: [], folders: [], nextToken: null }
      const nextToken = session.listing.finished
        ? null
        : encodeToken({ id: session.id, served: session.served, after: lastOf(page) })
      return { ...page, nextToken }
    },
    closeAll() {
      for (const session of [...sessions.values()]) close(session)
    },
  }
}
