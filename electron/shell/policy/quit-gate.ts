/**
 * Quitting waits for the core. Electron emits `before-quit`, closes the windows, then `will-quit`;
 * calling `preventDefault()` in `will-quit` stops the quit. So the first `will-quit` is held while
 * the core disposes (running transfers paused into the journal, the log flushed), and the app quits
 * again once that is done; that second `will-quit` passes.
 */
export type QuitEvent = { preventDefault(): void }

export const createQuitGate = (
  dispose: () => Promise<void>,
  quit: () => void,
  /** Hears a dispose that failed; the app still quits. */
  onError: (error: unknown) => void = () => undefined,
): ((event: QuitEvent) => void) => {
  let state: 'open' | 'disposing' | 'done' = 'open'
  return (event) => {
    if (state === 'done') return
    event.preventDefault()
    if (state === 'disposing') return
    state = 'disposing'
    void dispose()
      .catch(onError)
      .finally(() => {
        state = 'done'
        quit()
      })
  }
}

/** On macOS an app stays open with no window (the dock brings one back); elsewhere it quits. */
export const quitsWhenAllWindowsClose = (platform: NodeJS.Platform): boolean =>
  platform !== 'darwin'
