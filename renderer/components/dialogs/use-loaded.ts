/**
 * Loads one answer for a dialog when it opens: loading, then the value or the error. Closing the
 * dialog first aborts the signal `load` was given, so main stops the request.
 */
import { useEffect, useState } from 'react'
import type { AppError, Result } from '../../../shared/errors'

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly error: AppError }

export const useLoaded = <T>(load: (signal: AbortSignal) => Promise<Result<T>>): Loaded<T> => {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' })
  // Loaded once, when the dialog opens: later calls of `load` are the same question.
  const [first] = useState(() => load)
  useEffect(() => {
    const controller = new AbortController()
    void first(controller.signal).then((result) => {
      if (controller.signal.aborted) return
      setLoaded(
        result.ok
          ? { state: 'ready', value: result.value }
          : { state: 'failed', error: result.error },
      )
    })
    return () => controller.abort()
  }, [first])
  return loaded
}
