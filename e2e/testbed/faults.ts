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
}

export type FaultSettings = Required<Faults>

export const NO_FAULTS: FaultSettings = {
  errorRate: 0,
  resetRate: 0,
  latencyMs: 0,
  refuseListV2: false,
}

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
  }
}

/**
 * Draws the fault for one request: one number for the error roll, then one for the reset roll,
 * each only when that rate is above 0, so an injected `random` gives a predictable sequence.
 */
export const drawFault = (
  settings: FaultSettings,
  random: () => number,
): 'error' | 'reset' | undefined => {
  if (settings.errorRate > 0 && random() < settings.errorRate) return 'error'
  if (settings.resetRate > 0 && random() < settings.resetRate) return 'reset'
  return undefined
}
