/** The request meter and log shown in the status bar and the request log panel. */

export type RequestLogEntry = {
  /** ms since the epoch, when the request was sent. */
  readonly time: number
  readonly method: string
  readonly bucket: string
  readonly key: string
  /** HTTP status, or 0 when no response came (network error). */
  readonly status: number
  readonly durationMs: number
}

export type RequestStats = {
  readonly accountId: string
  readonly requestsPerSecond: number
  readonly currentRate: number
  readonly limit: number
  readonly queued: number
  readonly throttles: number
}
