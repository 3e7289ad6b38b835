/**
 * The issued links and SigV2 check answers, per account, in <data>/share-links.json. Links are
 * bearer credentials, so the file is readable by the user only and nothing here logs them.
 * Everything is kept in memory once loaded; each change rewrites the file atomically, in order.
 */
import path from 'node:path'
import { z } from 'zod'
import { signatureVersions, type ShareLink, type SigV2Support } from '../../../shared/share'
import { readValidated, writeJsonAtomic, type OnSetAside } from '../atomic-file'

/** The most links one `shares.download` issues, so a batch never pushes itself out. */
export const HISTORY_LIMIT_PER_ACCOUNT = 1000

/** A SigV2 answer holds for the endpoint it was checked against. */
export type StoredSigV2Support = SigV2Support & { readonly endpoint: string }

const shareLink = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  bucket: z.string(),
  key: z.string(),
  kind: z.enum(['download', 'upload']),
  signature: z.enum(signatureVersions),
  url: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  expiresInSeconds: z.number(),
  downloadName: z.string().nullable(),
  contentType: z.string().nullable(),
  curl: z.string().nullable(),
}) satisfies z.ZodType<ShareLink>

const sigv2Support = z.object({
  accountId: z.string().min(1),
  supported: z.boolean(),
  detail: z.string(),
  checkedAt: z.string(),
  endpoint: z.string(),
}) satisfies z.ZodType<StoredSigV2Support>

const historyFile = z.object({
  version: z.literal(1),
  /** Newest first. */
  links: z.array(shareLink),
  sigv2: z.array(sigv2Support),
})

type HistoryFile = z.output<typeof historyFile>

const EMPTY: HistoryFile = { version: 1, links: [], sigv2: [] }

/** The links and answers that parse, from a file where some do not. */
const salvage = (json: unknown): HistoryFile | null => {
  const lists = z
    .object({ links: z.array(z.unknown()).catch([]), sigv2: z.array(z.unknown()).catch([]) })
    .safeParse(json)
  if (!lists.success) return null
  const valid = <T>(schema: z.ZodType<T>, items: readonly unknown[]): T[] =>
    items.flatMap((item) => {
      const parsed = schema.safeParse(item)
      return parsed.success ? [parsed.data] : []
    })
  return {
    version: 1,
    links: valid(shareLink, lists.data.links),
    sigv2: valid(sigv2Support, lists.data.sigv2),
  }
}

export type LinkHistory = {
  /** The account's links, newest first. */
  list(accountId: string): Promise<ShareLink[]>
  find(id: string): Promise<ShareLink | undefined>
  /** Puts links at the top of their account's history, dropping the oldest past the limit. */
  add(links: readonly ShareLink[]): Promise<void>
  /** Removes the links matching `drop`; resolves with the accounts that lost any. */
  remove(drop: (link: ShareLink) => boolean): Promise<string[]>
  sigv2(accountId: string): Promise<StoredSigV2Support | undefined>
  setSigv2(support: StoredSigV2Support): Promise<void>
  /** Forgets everything about an account (links and SigV2 answer). */
  dropAccount(accountId: string): Promise<void>
  /** Resolves once every change so far is on disk. */
  flush(): Promise<void>
}

/** Newest first per account, at most `limit` each; accounts keep their relative order. */
export const capPerAccount = (links: readonly ShareLink[], limit: number): ShareLink[] => {
  const counts = new Map<string, number>()
  return links.filter((link) => {
    const count = (counts.get(link.accountId) ?? 0) + 1
    counts.set(link.accountId, count)
    return count <= limit
  })
}

export const createLinkHistory = (
  dataDir: string,
  options: {
    /** Told when the file could not be read and was set aside. */
    readonly onSetAside?: OnSetAside
    readonly limit?: number
  } = {},
): LinkHistory => {
  const limit = options.limit ?? HISTORY_LIMIT_PER_ACCOUNT
  const file = path.join(dataDir, 'share-links.json')
  let state: Promise<HistoryFile> | null = null
  let writes: Promise<void> = Promise.resolve()

  /** The state to build on; a failed read or change is forgotten, so the next call reads again. */
  const settle = (next: Promise<HistoryFile>): Promise<HistoryFile> => {
    state = next
    next.catch(() => {
      if (state === next) state = null
    })
    return next
  }

  const load = (): Promise<HistoryFile> =>
    state ??
    settle(
      readValidated(file, historyFile, EMPTY, options.onSetAside ?? (() => undefined), salvage),
    )

  /** Changes apply in call order; each is written out after the one before it. */
  const change = async (update: (current: HistoryFile) => HistoryFile): Promise<void> => {
    const value = await settle(load().then(update))
    const write = writes.then(() => writeJsonAtomic(file, value, 0o600))
    writes = write.catch(() => undefined)
    await write
  }

  return {
    list: async (accountId) => (await load()).links.filter((link) => link.accountId === accountId),
    find: async (id) => (await load()).links.find((link) => link.id === id),
    add: (links) =>
      change((current) => ({
        ...current,
        links: capPerAccount([...links, ...current.links], limit),
      })),
    async remove(drop) {
      const gone = new Set<string>()
      await change((current) => ({
        ...current,
        links: current.links.filter((link) => {
          if (!drop(link)) return true
          gone.add(link.accountId)
          return false
        }),
      }))
      return [...gone]
    },
    sigv2: async (accountId) =>
      (await load()).sigv2.find((support) => support.accountId === accountId),
    setSigv2: (support) =>
      change((current) => ({
        ...current,
        sigv2: [...current.sigv2.filter((known) => known.accountId !== support.accountId), support],
      })),
    dropAccount: (accountId) =>
      change((current) => ({
        ...current,
        links: current.links.filter((link) => link.accountId !== accountId),
        sigv2: current.sigv2.filter((support) => support.accountId !== accountId),
      })),
    flush: () => writes,
  }
}
