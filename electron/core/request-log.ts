/** The last requests an account sent (what the request log panel shows), in a ring buffer. */
import type { RequestLogEntry } from '../../shared/requests'

export type RequestLog = {
  add(entry: RequestLogEntry): void
  /** Oldest first. */
  entries(): RequestLogEntry[]
}

export const createRequestLog = (capacity = 1000): RequestLog => {
  const ring: RequestLogEntry[] = []
  let next = 0
  return {
    add(entry) {
      if (ring.length < capacity) ring.push(entry)
      else ring[next] = entry
      next = (next + 1) % capacity
    },
    entries: () =>
      ring.length < capacity ? [...ring] : [...ring.slice(next), ...ring.slice(0, next)],
  }
}
