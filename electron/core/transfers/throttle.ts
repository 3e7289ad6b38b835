/**
 * Runs `flush` soon after `poke`, but never twice within `intervalMs` (timers may fire a
 * millisecond early, so the gap is checked, not assumed). Used for progress: at most 5 a second.
 */

export type Throttle = {
  poke(): void
  /** Runs a pending flush now if the interval allows, else leaves it to its timer. */
  settle(): void
}

export const createThrottle = (intervalMs: number, flush: () => void): Throttle => {
  let timer: ReturnType<typeof setTimeout> | undefined
  let last = -Infinity

  const fire = (): void => {
    timer = undefined
    const early = last + intervalMs - performance.now()
    if (early > 0) {
      arm(Math.ceil(early) + 1)
      return
    }
    // Set before (a poke during the flush arms the next one an interval on) and again after:
    // a flush that takes a while (a snapshot of many jobs) must not bring the next one closer
    // than the interval, as its listeners see them.
    last = performance.now()
    flush()
    last = performance.now()
  }

  const arm = (delay: number): void => {
    timer = setTimeout(fire, delay)
    // Progress never keeps the process alive.
    timer.unref()
  }

  return {
    poke() {
      if (timer === undefined) arm(Math.max(0, last + intervalMs - performance.now()))
    },
    settle() {
      clearTimeout(timer)
      fire()
    },
  }
}
