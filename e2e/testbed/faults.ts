/** Fault injection settings and the per-request draw that applies them. */

export type Faults = {
  /** Probability (0..1) that a request gets `500 InternalError` without being forwarded. */
  readonly errorRate?: number
  /** Probability (0..1) that the connection is reset in the middle of a body. */
  readonly resetRate?: number
  /** Added before each admitted request is answered or forwarded. */
  readonly latencyMs?: number
  /** Answer ListObjectsV2 with `501 NotImplemented`, like servers that only know ListObjects v1. */
  readonly refuseListV2?: boolean
  /**
   * Probability (0..1) that one byte of a PUT's body (of a declared length) is flipped on its way
   * upstream, the length unchanged: a server that checks Content-MD5 answers `400 BadDigest`.
   */
  readonly corruptRate?: number
  /**
   * Requests (of these methods, or all) that stall, held until the client gives up or the
   * emulator stops: `answer` reads the request and never answers; `body` forwards it and sends
   * the upstream's status line and headers, then nothing of the body.
   */
  readonly stall?: Stall | null
}

export type Stall = {
  readonly mode: 'answer' | 'body'
  readonly methods?: readonly string[]
}

export type FaultSettings = Required<Faults>

export const NO_FAULTS: FaultSettings = {
  errorRate: 0,
  resetRate: 0,
  latencyMs: 0,
  refuseListV2: false,
  corruptRate: 0,
  stall: null,
}

/** Whether a request of this method stalls under these settings. */
export const stallsFor = (settings: FaultSettings, method: string): Stall | null =>
  settings.stall && (!settings.stall.methods || settings.stall.methods.includes(method))
    ? settings.stall
    : null

const checkRate = (name: string, value: number): number => {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be within 0..1, got ${value}`)
  return value
}

/** Omitted fields are 0: a call states the whole fault set, so earlier calls never linger. */
export const toFaultSettings = (faults: Faults = {}): FaultSettings => {
  const latencyMs = faults.latencyMs ?? 0
  if (!(latencyMs >= 0 && Number.isFinite(latencyMs))) {
    throw new RangeError(`latencyMs must be a finite number ≥ 0, got ${latencyMs}`)
  }
  return {
    errorRate: checkRate('errorRate', faults.errorRate ?? 0),
    resetRate: checkRate('resetRate', faults.resetRate ?? 0),
    latencyMs,
    refuseListV2: faults.refuseListV2 ?? false,
    corruptRate: checkRate('corruptRate', faults.corruptRate ?? 0),
    stall: faults.stall ?? null,
  }
}

export type Fault = 'error' | 'reset' | 'corrupt'

/**
 * Draws the fault for one request: one number for the error roll, then one for the reset roll,
 * then (for a PUT with a body) one for the corruption roll, each only when that rate is above 0,
 * so an injected `random` gives a predictable sequence.
 */
export const drawFault = (
  settings: FaultSettings,
  random: () => number,
  request: { readonly corruptible: boolean } = { corruptible: false },
): Fault | undefined => {
  if (settings.errorRate > 0 && random() < settings.errorRate) return 'error'
  if (settings.resetRate > 0 && random() < settings.resetRate) return 'reset'
  if (request.corruptible && settings.corruptRate > 0 && random() < settings.corruptRate) {
    return 'corrupt'
  }
  return undefined
}
