/**
 * The progress throttle: however long a flush takes, its listeners never hear two flushes closer
 * together than the interval (what "5 updates a second" promises the window).
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, it } from 'vitest'
import { createThrottle } from './throttle'

const busy = (ms: number): void => {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // A flush that takes a while: a snapshot of many transfers on a busy machine.
  }
}

it('keeps flushes an interval apart as their listeners see them, slow flushes included', async () => {
  const heard: number[] = []
  let slow = true
  const throttle = createThrottle(30, () => {
    // Slow and fast flushes in turn; a listener hears each at the flush's end.
    busy(slow ? 20 : 0)
    slow = !slow
    heard.push(performance.now())
  })
  const until = performance.now() + 400
  while (performance.now() < until) {
    throttle.poke()
    await sleep(2)
  }
  throttle.settle()
  expect(heard.length).toBeGreaterThan(4)
  const gaps = heard.slice(1).map((at, index) => at - (heard[index] ?? 0))
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(30)
})
