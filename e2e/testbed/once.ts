/** Runs `action` the first time only and hands every caller the same promise: stop() twice is fine. */
export const once = <T>(action: () => Promise<T>): (() => Promise<T>) => {
  let result: Promise<T> | undefined
  return () => (result ??= action())
}
