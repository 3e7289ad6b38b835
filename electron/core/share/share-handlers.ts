/** Handlers for the `shares.*` commands: thin wrappers around the share service. */
import type { Handlers } from '../dispatcher'
import type { ShareService } from './share-service'

type ShareCommands = Extract<keyof Handlers, `shares.${string}`>

export const createShareHandlers = (shares: ShareService): Pick<Handlers, ShareCommands> => ({
  'shares.download': (request) => shares.download(request),
  'shares.upload': (request) => shares.upload(request),
  'shares.history': ({ accountId }) => shares.history(accountId),
  'shares.resign': ({ id }) => shares.resign(id),
  'shares.forget': async ({ id }) => {
    await shares.forget(id)
    return null
  },
  'shares.clearExpired': async ({ accountId }) => {
    await shares.clearExpired(accountId)
    return null
  },
  'shares.check': ({ id }) => shares.check(id),
  'shares.sigv2': ({ accountId, bucket, recheck }) => shares.sigv2(accountId, bucket, recheck),
})
