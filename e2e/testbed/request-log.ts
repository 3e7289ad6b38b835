/** What the gateway emulator records about each request, and helpers tests assert with. */
import type { IncomingMessage, ServerResponse } from 'node:http'

export type FaultKind = 'slowdown' | 'error' | 'reset' | 'corrupt' | 'stall'

export type RequestLogEntry = {
  /** Arrival time, ms since the epoch. */
  readonly time: number
  readonly method: string
  /** Percent-decoded path without the query (the raw path when it does not decode). */
  readonly path: string
  /** The request target exactly as the client sent it, query included. */
  readonly rawPath: string
  readonly query: Readonly<Record<string, string>>
  /** 0 when the connection was reset before a status line was sent. */
  readonly status: number
  readonly durationMs: number
  /** Request body bytes the emulator read (forwarded, or consumed before a reset). */
  readonly bytesIn: number
  /** Response body bytes sent to the client. */
  readonly bytesOut: number
  readonly scheme: 'http' | 'https'
  /** Whether the request carried credentials: an Authorization header or a query signature. */
  readonly authorized: boolean
  /** The Range header, when the request had one. */
  readonly range?: string
  readonly fault?: FaultKind
}

/** The mutable part of an entry while its request is in flight. */
export type RequestTrace = {
  bytesIn: number
  bytesOut: number
  fault: FaultKind | undefined
}

const decodePath = (rawPath: string): string => {
  try {
    return decodeURIComponent(rawPath)
  } catch {
    return rawPath
  }
}

const parseTarget = (target: string): Pick<RequestLogEntry, 'path' | 'rawPath' | 'query'> => {
  const queryAt = target.indexOf('?')
  const pathPart = queryAt === -1 ? target : target.slice(0, queryAt)
  const query = Object.fromEntries(
    new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1)),
  )
  return { path: decodePath(pathPart), rawPath: target, query }
}

const carriesCredentials = (
  req: IncomingMessage,
  query: Readonly<Record<string, string>>,
): boolean =>
  req.headers.authorization !== undefined || 'X-Amz-Signature' in query || 'Signature' in query

/**
 * Starts tracing a request at its arrival; the entry is written once: when the emulator ends the
 * response (before its last bytes can reach the client, so a client that has its answer always
 * finds it in the log), or when the connection closes first (a reset), with what was known then.
 */
export const traceRequest = (
  req: IncomingMessage,
  res: ServerResponse,
  scheme: RequestLogEntry['scheme'],
  record: (entry: RequestLogEntry) => void,
): RequestTrace => {
  const time = Date.now()
  const startedAt = performance.now()
  const target = parseTarget(req.url ?? '/')
  const authorized = carriesCredentials(req, target.query)
  const trace: RequestTrace = { bytesIn: 0, bytesOut: 0, fault: undefined }
  let written = false
  const write = (status: number): void => {
    if (written) return
    written = true
    record({
      time,
      method: req.method ?? '',
      ...target,
      status,
      durationMs: performance.now() - startedAt,
      bytesIn: trace.bytesIn,
      bytesOut: trace.bytesOut,
      scheme,
      authorized,
      ...(req.headers.range ? { range: req.headers.range } : {}),
      ...(trace.fault ? { fault: trace.fault } : {}),
    })
  }
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  res.end = ((...args: unknown[]) => {
    write(res.statusCode)
    return end(...args)
  }) as ServerResponse['end']
  res.once('close', () => write(res.headersSent ? res.statusCode : 0))
  return trace
}

/** The largest number of arrivals inside any window of `windowMs` (a sliding window). */
export const maxRequestsInWindow = (
  entries: readonly Pick<RequestLogEntry, 'time'>[],
  windowMs = 1000,
): number => {
  const times = entries.map((entry) => entry.time).sort((a, b) => a - b)
  let most = 0
  let first = 0
  for (let last = 0; last < times.length; last += 1) {
    while ((times[last] ?? 0) - (times[first] ?? 0) >= windowMs) first += 1
    most = Math.max(most, last - first + 1)
  }
  return most
}
