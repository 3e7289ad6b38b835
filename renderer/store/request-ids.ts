/**
 * Ids for commands the user may give up on (`requestId`, then `requests.cancel`). Unique per
 * window: several windows (web shell tabs) may share one core.
 */
export const createRequestIds = (): ((kind: string) => string) => {
  const session = Math.random().toString(36).slice(2, 10)
  let next = 0
  return (kind) => `${session}-${kind}-${(next += 1)}`
}
