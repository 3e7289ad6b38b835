import { describe, expect, it } from 'vitest'
import { createQuitGate, quitsWhenAllWindowsClose } from './quit-gate'

const quitEvent = () => {
  let prevented = 0
  return {
    preventDefault: () => void (prevented += 1),
    get prevented() {
      return prevented
    },
  }
}

/** A dispose the test finishes by hand. */
const heldDispose = () => {
  let finish: (error?: Error) => void = () => undefined
  let calls = 0
  const dispose = () => {
    calls += 1
    return new Promise<void>((resolve, reject) => {
      finish = (error) => (error ? reject(error) : resolve())
    })
  }
  return { dispose, finish: (error?: Error) => finish(error), calls: () => calls }
}

describe('quitting', () => {
  it('holds the first will-quit until the core is disposed, then quits once', async () => {
    const held = heldDispose()
    const quits: string[] = []
    const gate = createQuitGate(held.dispose, () => quits.push('quit'))
    const first = quitEvent()
    gate(first)
    expect(first.prevented).toBe(1)
    expect(held.calls()).toBe(1)
    // A second quit while the core is still disposing is held too, without a second dispose.
    const again = quitEvent()
    gate(again)
    expect(again.prevented).toBe(1)
    expect(held.calls()).toBe(1)
    await Promise.resolve()
    expect(quits).toEqual([])
    held.finish()
    await expect.poll(() => quits).toEqual(['quit'])
    // The quit that follows passes.
    const last = quitEvent()
    gate(last)
    expect(last.prevented).toBe(0)
    expect(held.calls()).toBe(1)
  })

  it('still quits when disposing fails, and says so', async () => {
    const held = heldDispose()
    const errors: unknown[] = []
    let quit = 0
    const gate = createQuitGate(
      held.dispose,
      () => void (quit += 1),
      (error) => errors.push(error),
    )
    gate(quitEvent())
    held.finish(new Error('disk gone'))
    await expect.poll(() => quit).toBe(1)
    expect(errors).toEqual([new Error('disk gone')])
  })

  it('stays open without windows only on macOS', () => {
    expect(quitsWhenAllWindowsClose('darwin')).toBe(false)
    expect(quitsWhenAllWindowsClose('linux')).toBe(true)
    expect(quitsWhenAllWindowsClose('win32')).toBe(true)
  })
})
