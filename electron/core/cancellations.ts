/**
 * Commands the user may give up on (Test connection, listings): each runs with an AbortSignal,
 * known by the request id its caller chose, which `requests.cancel` aborts. A command sent without
 * an id runs with a signal only the core's shutdown aborts.
 */
import { CodedError } from '../../shared/errors'

export type Cancellations = {
  run<T>(requestId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T>
  /** Aborts the request of that id; false if none is running. */
  cancel(requestId: string): boolean
  /** Aborts everything still running (the core is stopping). */
  cancelAll(): void
}

const cancelled = (): CodedError => new CodedError('CANCELLED', 'Cancelled.')

export const createCancellations = (): Cancellations => {
  const running = new Map<string, AbortController>()
  const anonymous = new Set<AbortController>()
  return {
    async run(requestId, work) {
      const controller = new AbortController()
      // A second command under an id in use takes it over: the first can still be waited for.
      if (requestId !== undefined) running.set(requestId, controller)
      else anonymous.add(controller)
      try {
        return await work(controller.signal)
      } catch (error) {
        if (controller.signal.aborted) throw cancelled()
        throw error
      } finally {
        if (requestId !== undefined && running.get(requestId) === controller) {
          running.delete(requestId)
        }
        anonymous.delete(controller)
      }
    },
    cancel(requestId) {
      const controller = running.get(requestId)
      controller?.abort()
      return controller !== undefined
    },
    cancelAll() {
      for (const controller of [...running.values(), ...anonymous]) controller.abort()
    },
  }
}
