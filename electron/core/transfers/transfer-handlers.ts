/** Handlers for the `transfers.*` commands: thin wrappers around the transfer service. */
import type { Cancellations } from '../cancellations'
import type { Handlers } from '../dispatcher'
import type { TransferService } from './transfer-service'

type TransferCommands = Extract<keyof Handlers, `transfers.${string}`>

export const createTransferHandlers = (
  transfers: TransferService,
  cancellations: Cancellations,
): Pick<Handlers, TransferCommands> => ({
  'transfers.upload': (request) => transfers.upload(request),
  'transfers.conflicts': ({ requestId, ...request }) =>
    cancellations.run(requestId, (signal) => transfers.conflicts(request, signal)),
  'transfers.download': (request) => transfers.download(request),
  'transfers.list': () => transfers.list(),
  'transfers.pause': async ({ id }) => {
    await transfers.pause(id)
    return null
  },
  'transfers.resume': async ({ id }) => {
    await transfers.resume(id)
    return null
  },
  'transfers.cancel': async ({ id }) => {
    await transfers.cancel(id)
    return null
  },
  'transfers.retry': async ({ id }) => {
    await transfers.retry(id)
    return null
  },
  'transfers.pauseAll': async () => {
    await transfers.pauseAll()
    return null
  },
  'transfers.resumeAll': async () => {
    await transfers.resumeAll()
    return null
  },
  'transfers.clearFinished': async () => {
    await transfers.clearFinished()
    return null
  },
  'transfers.abortOrphans': () => transfers.abortOrphans(),
  'transfers.settings': (changes) => transfers.settings(changes),
})
