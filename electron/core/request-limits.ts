/**
 * How long a request may wait at each stage before it is cut: connecting, the server's first byte,
 * and any silence after that. Each limit ends the attempt with a TIMEOUT whose message says which
 * stage stalled and names the server.
 */
import type { AppError } from '../../shared/errors'

export type RequestLimits = {
  /** From asking for a connection to its TCP handshake being done. */
  readonly connectMs: number
  /** Requests without a body: from sending to the response's headers (TLS handshake included). */
  readonly firstByteMs: number
  /** No byte in either direction for this long, once connected: uploads, answers and bodies. */
  readonly idleMs: number
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  connectMs: 10_000,
  firstByteMs: 30_000,
  idleMs: 60_000,
}

export type TimeoutStage = keyof RequestLimits

const seconds = (ms: number): string => {
  const value = ms / 1000
  const text = value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10)
  return `${text} second${text === '1' ? '' : 's'}`
}

const AFTERWORD = 'Check the endpoint and your network, then try again.'

/** The user's sentence for a request cut by one of the limits. */
export const timeoutError = (
  host: string,
  stage: TimeoutStage | null,
  ms: number | null,
): AppError => {
  const within = ms === null ? 'in time' : `within ${seconds(ms)}`
  const message =
    stage === 'connectMs'
      ? `Could not connect to ${host} ${within}. ${AFTERWORD}`
      : stage === 'firstByteMs'
        ? `${host} accepted the connection but sent no answer ${within}. ${AFTERWORD}`
        : stage === 'idleMs'
          ? `${host} stopped answering: nothing arrived for ${ms === null ? 'too long' : seconds(ms)}. ${AFTERWORD}`
          : `${host} did not answer in time. ${AFTERWORD}`
  return { code: 'TIMEOUT', message }
}

/**
 * Which limit a timeout error of the HTTP handler (@smithy/node-http-handler, or our probe) came
 * from, and its length, from the handler's message: it says nothing else about the stage.
 */
export const timeoutStageOf = (
  message: string | undefined,
): { stage: TimeoutStage | null; ms: number | null } => {
  const text = message ?? ''
  const ms = /(\d+) ?ms/.exec(text)
  const length = ms ? Number(ms[1]) : null
  if (text.includes('establish a connection')) return { stage: 'connectMs', ms: length }
  if (text.includes('requestTimeout')) return { stage: 'firstByteMs', ms: length }
  if (text.includes('inactivity')) return { stage: 'idleMs', ms: length }
  return { stage: null, ms: null }
}
