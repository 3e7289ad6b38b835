/**
 * A request governor whose round-trip figure is fixed, for tests of what a listing decides at a
 * given round trip (parallel-listing.ts goes as wide as rate × round trip): on a loaded machine
 * the measured figure grows, and a test of request costs would then measure the machine.
 */
import { createRequestGovernor, type RequestGovernor } from '../request-governor'

export const governorSeeing = (
  roundTripMs: number,
  options: { readonly rate?: number; readonly pacing?: number } = {},
): RequestGovernor => {
  const rate = options.rate ?? 100
  const real = createRequestGovernor(options.pacing ?? rate)
  return {
    acquire: (priority, signal) => real.acquire(priority, signal),
    throttled: (after) => real.throttled(after),
    setRate: (next) => real.setRate(next),
    stats: () => real.stats(),
    rate,
    roundTripMs,
  }
}
