/** Bytes per second over the last few seconds, from samples taken whenever someone asks. */

export type Speedometer = {
  /** Starts over from `bytes` (a run starts, or a resume jumps ahead). */
  reset(bytes: number): void
  bytesPerSecond(bytes: number): number
}

const WINDOW_MS = 5000
/** Less than this much history gives no speed rather than a wild one. */
const MIN_SPAN_MS = 400

export const createSpeedometer = (now: () => number = () => performance.now()): Speedometer => {
  let samples: { at: number; bytes: number }[] = []
  return {
    reset(bytes) {
      samples = [{ at: now(), bytes }]
    },
    bytesPerSecond(bytes) {
      const at = now()
      samples.push({ at, bytes })
      while (samples.length > 2 && at - (samples[1]?.at ?? at) >= WINDOW_MS) samples.shift()
      const first = samples[0]
      if (!first || at - first.at < MIN_SPAN_MS) return 0
      return Math.max(0, ((bytes - first.bytes) * 1000) / (at - first.at))
    },
  }
}
