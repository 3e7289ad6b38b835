/** Handlers for whole-bucket search: its cost first, then the walk, its matches sent as events. */
import type { Accounts } from '../accounts'
import type { Cancellations } from '../cancellations'
import type { Handlers } from '../dispatcher'
import type { EventBus } from '../event-bus'
import { s3Call } from '../s3-call'
import { createBucketSearch } from './search'

export const createSearchHandlers = (deps: {
  accounts: Accounts
  events: EventBus
  cancellations: Cancellations
}): Pick<Handlers, 'objects.searchCost' | 'objects.search'> => {
  const { accounts, events, cancellations } = deps
  const search = createBucketSearch()
  return {
    'objects.searchCost': async ({ accountId, bucket, prefix }) =>
      search.cost(accountId, await accounts.connection(accountId), bucket, prefix),
    'objects.search': ({ accountId, bucket, prefix, text, requestId }) =>
      cancellations.run(requestId, async (signal) => {
        const connection = await accounts.connection(accountId)
        return s3Call(connection, { bucket }, () =>
          search.run(
            accountId,
            connection,
            { bucket, prefix, text },
            (page) => events.emit('objects.searchResults', { requestId, ...page }),
            signal,
          ),
        )
      }),
  }
}
