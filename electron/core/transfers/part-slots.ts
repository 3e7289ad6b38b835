/**
 * Parts in flight over all uploads: a counting semaphore whose holders each get a buffer for
 * their part. Buffers are reused, so memory stays at about partsInFlight × part size however
 * large the files are.
 */

export type PartSlot = {
  /** Exactly `size` bytes, valid until `release`. */
  readonly buffer: Buffer
  release(): void
}

export type PartSlots = {
  acquire(size: number, signal: AbortSignal): Promise<PartSlot>
  setLimit(limit: number): void
}

export const createPartSlots = (initialLimit: number): PartSlots => {
  let limit = initialLimit
  let held = 0
  const waiters: (() => void)[] = []
  let free: Buffer[] = []

  const take = (size: number): Buffer => {
    // Sorted largest first: the last that fits is the smallest that fits.
    const at = free.findLastIndex((buffer) => buffer.length >= size)
    if (at !== -1) return free.splice(at, 1)[0] as Buffer
    return Buffer.allocUnsafeSlow(size)
  }

  const grant = (): void => {
    while (held < limit && waiters.length > 0) {
      held += 1
      waiters.shift()?.()
    }
  }

  return {
    setLimit(next) {
      limit = next
      free = free.slice(0, limit)
      grant()
    },
    async acquire(size, signal) {
      signal.throwIfAborted()
      if (held < limit && waiters.length === 0) {
        held += 1
      } else {
        await new Promise<void>((resolve, reject) => {
          const onAbort = (): void => {
            const at = waiters.indexOf(wake)
            if (at !== -1) waiters.splice(at, 1)
            reject(signal.reason)
          }
          const wake = (): void => {
            signal.removeEventListener('abort', onAbort)
            resolve()
          }
          signal.addEventListener('abort', onAbort, { once: true })
          waiters.push(wake)
        })
      }
      const whole = take(size)
      let released = false
      return {
        buffer: whole.subarray(0, size),
        release() {
          if (released) return
          released = true
          held -= 1
          // Keep at most one buffer per slot; larger ones first, since they fit any part.
          if (free.length < limit) free = [...free, whole].sort((a, b) => b.length - a.length)
          grant()
        },
      }
    },
  }
}
