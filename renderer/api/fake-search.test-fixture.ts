/**
 * The fake API's whole-bucket search, answered from the fake object store like the core: the
 * folder is listed page by page, each page's matches sent as an `objects.searchResults` event
 * before the command answers.
 */
import type {
  CommandRequest,
  CommandResponse,
  EventName,
  EventPayload,
} from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { ObjectPage } from '../../shared/objects'
import { OBJECTS_PER_LISTING, keyMatches } from '../../shared/search'
import type { FakeObjectStore } from './fake-object-store.test-fixture'

type SearchHandlers = {
  'objects.searchCost': (
    request: CommandRequest<'objects.searchCost'>,
  ) => Result<CommandResponse<'objects.searchCost'>>
  'objects.search': (
    request: CommandRequest<'objects.search'>,
  ) => Result<CommandResponse<'objects.search'>>
}

export const createFakeSearch = (
  store: Pick<FakeObjectStore, 'list'>,
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void,
  rateLimitOf: (accountId: string) => number,
): SearchHandlers => ({
  'objects.searchCost': ({ accountId }) => ({
    ok: true,
    value: { rate: rateLimitOf(accountId), objectsPerRequest: OBJECTS_PER_LISTING, lastWalk: null },
  }),
  'objects.search': ({ accountId, bucket, prefix, text, requestId }) => {
    let token: string | null = null
    let scanned = 0
    let requests = 0
    let matched = 0
    do {
      const page: Result<ObjectPage> = store.list({
        accountId,
        bucket,
        prefix,
        recursive: true,
        continuationToken: token,
        maxKeys: OBJECTS_PER_LISTING,
      })
      if (!page.ok) return page
      requests += 1
      scanned += page.value.objects.length
      const matches = page.value.objects.filter((object) => keyMatches(object.key, prefix, text))
      matched += matches.length
      emit('objects.searchResults', { requestId, matches, scanned, requests })
      token = page.value.nextToken
    } while (token !== null)
    return { ok: true, value: { scanned, requests, matched, truncated: false } }
  },
})
