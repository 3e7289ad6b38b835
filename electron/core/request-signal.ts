/**
 * An abort signal of its own for one request of many that share a parent signal (a listing's
 * ranges, a download's chunks): the SDK, the governor and the retry layer each add a listener
 * per request, so on the shared signal they would pile up past Node's limit of 10
 * (MaxListenersExceededWarning) and stay until the parent ends. Here the parent holds one
 * listener per request in flight, removed when the request is done.
 */
export type RequestSignal = {
  readonly signal: AbortSignal
  /** The request is over: stop listening to the parent. */
  done(): void
}

export const requestSignal = (parent: AbortSignal): RequestSignal => {
  const own = new AbortController()
  if (parent.aborted) {
    own.abort(parent.reason)
    return { signal: own.signal, done: () => undefined }
  }
  const stop = (): void => own.abort(parent.reason)
  parent.addEventListener('abort', stop, { once: true })
  return { signal: own.signal, done: () => parent.removeEventListener('abort', stop) }
}

/** Runs one request with a signal of its own, linked to `parent` while it runs. */
export const withRequestSignal = async <T>(
  parent: AbortSignal,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> => {
  const request = requestSignal(parent)
  try {
    return await run(request.signal)
  } finally {
    request.done()
  }
}
