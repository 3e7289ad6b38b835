/**
 * The DSS gateway emulator: a reverse proxy in front of an S3 peer that behaves like the Oort DSS
 * gateway (DSS.md §1): HTTPS only with plain HTTP redirected, a per-account request-rate limit
 * answered with 503 SlowDown, and injectable faults (500s, resets mid-body, latency, upload bodies
 * damaged in flight).
 */
import { setMaxListeners } from 'node:events'
import http from 'node:http'
import https from 'node:https'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { admit, type Admission } from './admission.js'
import { toFaultSettings, type Faults } from './faults.js'
import { redirectToHttps } from './https-redirect.js'
import { once } from './once.js'
import { createUpstream } from './proxy-request.js'
import { traceRequest, type RequestLogEntry } from './request-log.js'
import { SLOW_DOWN, sendS3Error } from './s3-error-response.js'
import { createRunCertificate } from './tls-certificate.js'
import { createTokenBucket } from './token-bucket.js'

export type { Faults } from './faults.js'
export { maxRequestsInWindow, type RequestLogEntry } from './request-log.js'

export type GatewayEmulatorOptions = {
  /** The S3 peer to forward to, e.g. `http://127.0.0.1:4568`. */
  readonly upstream: string
  /** Requests per second; 0 or Infinity disables the limit. Default 100, as on DSS. */
  readonly rateLimit?: number
  /** Bucket size; defaults to one second's worth of requests. */
  readonly burst?: number
  readonly faults?: Faults
  /** Source of the fault draws, for deterministic tests. Default Math.random. */
  readonly random?: () => number
}

export type GatewayEmulator = {
  readonly httpsUrl: string
  readonly httpUrl: string
  /** PEM of the CA that signed the HTTPS certificate; trust it, do not disable verification. */
  readonly caPem: string
  /** Starts a fresh (full) bucket; 0 or Infinity disables the limit. */
  setRateLimit(requestsPerSecond: number, burst?: number): void
  /** Replaces the whole fault set: omitted fields become 0. */
  setFaults(faults: Faults): void
  /** A copy of the entries so far, in order of completion. */
  log(): RequestLogEntry[]
  /**
   * Calls `listener` as each HTTPS request arrives (its head read, before anything else happens
   * to it), synchronously: a test can act at that very moment. Returns the unsubscribe.
   */
  onArrival(listener: (request: Arrival) => void): () => void
  clearLog(): void
  /** Closes every connection, idle or busy; calling it again is harmless. */
  stop(): Promise<void>
}

export const DEFAULT_RATE_LIMIT = 100

/** A request as it arrives. */
export type Arrival = {
  readonly method: string
  readonly query: Readonly<Record<string, string>>
}

/** Keeps a long benchmark from growing the log without bound; far above what a test asserts on. */
const LOG_LIMIT = 100_000

/** Past Node's 5 s default so keep-alive clients rarely race the server closing an idle socket. */
const KEEP_ALIVE_TIMEOUT_MS = 30_000

type Handler = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => void

/**
 * Listens on a random loopback port. Raw sockets are tracked (TLS handshakes in progress included)
 * so stop() can close every one, and `Expect: 100-continue` is left to the handler instead of
 * being answered automatically, so a rejected upload is never sent at all.
 */
const listen = async (server: Server, handle: Handler, sockets: Set<Socket>): Promise<number> => {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => handle(req, res, false))
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => handle(req, res, true))
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  return (server.address() as AddressInfo).port
}

export const startGatewayEmulator = async (
  options: GatewayEmulatorOptions,
): Promise<GatewayEmulator> => {
  const limiter = createTokenBucket(options.rateLimit ?? DEFAULT_RATE_LIMIT, options.burst)
  let faults = toFaultSettings(options.faults)
  let entries: RequestLogEntry[] = []
  const record = (entry: RequestLogEntry): void => {
    entries.push(entry)
    if (entries.length > LOG_LIMIT * 1.1) entries = entries.slice(-LOG_LIMIT)
  }
  const arrivals = new Set<(request: Arrival) => void>()
  const stopper = new AbortController()
  // Every request delayed by added latency waits on it at once: hundreds at a time is expected.
  setMaxListeners(0, stopper.signal)
  const upstream = createUpstream(options.upstream)
  const admission: Admission = {
    faults: () => faults,
    random: options.random ?? Math.random,
    upstream,
    stopping: stopper.signal,
  }
  const certificate = await createRunCertificate()
  const sockets = new Set<Socket>()
  const servers: Server[] = []

  const httpsServer = https.createServer({
    key: certificate.keyPem,
    cert: certificate.certPem,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // Large uploads may take minutes; Node's default would cut them at 300 s.
    requestTimeout: 0,
  })
  const httpServer = http.createServer({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS })

  const stop = once(async () => {
    stopper.abort()
    const closed = servers.map(
      (server) => new Promise<void>((resolve) => server.close(() => resolve())),
    )
    for (const socket of sockets) socket.destroy()
    for (const server of servers) server.closeAllConnections()
    await Promise.all(closed)
    upstream.agent.destroy()
  })

  try {
    const httpsPort = await listen(
      httpsServer,
      (req, res, expectsContinue) => {
        const trace = traceRequest(req, res, 'https', record)
        if (arrivals.size > 0) {
          const { searchParams } = new URL(req.url ?? '/', 'https://emulator.invalid')
          const arrival = { method: req.method ?? '', query: Object.fromEntries(searchParams) }
          for (const listener of arrivals) listener(arrival)
        }
        // Every request counts, whatever happens to it next: DSS counts retries and failures too.
        if (!limiter.tryTake()) {
          trace.fault = 'slowdown'
          trace.bytesOut += sendS3Error(req, res, SLOW_DOWN, expectsContinue)
          return
        }
        void admit(req, res, trace, expectsContinue, admission)
      },
      sockets,
    )
    servers.push(httpsServer)
    const httpPort = await listen(
      httpServer,
      (req, res, expectsContinue) => {
        traceRequest(req, res, 'http', record)
        redirectToHttps(req, res, httpsPort, expectsContinue)
      },
      sockets,
    )
    servers.push(httpServer)
    return {
      httpsUrl: `https://127.0.0.1:${httpsPort}`,
      httpUrl: `http://127.0.0.1:${httpPort}`,
      caPem: certificate.caPem,
      setRateLimit: (requestsPerSecond, burst) => limiter.configure(requestsPerSecond, burst),
      setFaults: (next) => {
        faults = toFaultSettings(next)
      },
      log: () => [...entries],
      onArrival: (listener) => {
        arrivals.add(listener)
        return () => arrivals.delete(listener)
      },
      clearLog: () => {
        entries = []
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
