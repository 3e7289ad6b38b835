/** Saved sync pairs in `sync-pairs.json`: read through a schema (a damaged file is set aside). */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'
import { CodedError } from '../../../shared/errors'
import {
  syncDirections,
  syncCompareModes,
  syncRunOutcomes,
  type ParsedSyncPairDraft,
  type SyncPair,
  type SyncRunSummary,
} from '../../../shared/sync'
import { readValidated, writeJsonAtomic, type OnSetAside } from '../atomic-file'

export const PAIRS_FILE = 'sync-pairs.json'

const summary = z.object({
  runId: z.string(),
  outcome: z.enum(syncRunOutcomes),
  startedAt: z.string(),
  finishedAt: z.string(),
  uploaded: z.number(),
  downloaded: z.number(),
  deleted: z.number(),
  keptBoth: z.number(),
  failed: z.number(),
  bytes: z.number(),
  requests: z.number(),
  message: z.string(),
})

const pair = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  accountId: z.string().min(1),
  bucket: z.string().min(1),
  prefix: z.string(),
  localPath: z.string().min(1),
  direction: z.enum(syncDirections),
  compare: z.enum(syncCompareModes),
  maxDeletes: z.number().int().min(0),
  maxDeleteShare: z.number().min(0).max(1),
  lastRun: summary.nullable(),
})

const pairsFile = z.object({ version: z.literal(1), pairs: z.array(pair) })

export type PairStore = {
  list(): Promise<SyncPair[]>
  get(id: string): Promise<SyncPair>
  /** By id, or else by name (the command line takes either). */
  find(idOrName: string): Promise<SyncPair | null>
  save(id: string | undefined, draft: ParsedSyncPairDraft): Promise<SyncPair>
  remove(id: string): Promise<void>
  recordRun(id: string, run: SyncRunSummary): Promise<void>
}

/** A pair's draft checked beyond its schema: the local folder must be absolute. */
export const draftProblem = (draft: ParsedSyncPairDraft): string | null => {
  if (!path.isAbsolute(draft.localPath)) return 'The local folder must be an absolute path.'
  if (draft.prefix !== '' && !draft.prefix.endsWith('/'))
    return 'The bucket folder must end with "/" (or be empty for the whole bucket).'
  return null
}

export const createPairStore = (dataDir: string, onSetAside: OnSetAside): PairStore => {
  const file = path.join(dataDir, PAIRS_FILE)
  let cache: SyncPair[] | null = null
  // One change at a time, so two saves never write over each other.
  let chain: Promise<unknown> = Promise.resolve()

  const load = async (): Promise<SyncPair[]> => {
    cache ??= (await readValidated(file, pairsFile, { version: 1, pairs: [] }, onSetAside)).pairs
    return cache
  }
  const change = <T>(act: (pairs: SyncPair[]) => { pairs: SyncPair[]; value: T }): Promise<T> => {
    const next = chain.then(async () => {
      const { pairs, value } = act(await load())
      await writeJsonAtomic(file, { version: 1, pairs })
      cache = pairs
      return value
    })
    chain = next.catch(() => undefined)
    return next
  }
  const missing = () => new CodedError('NOT_FOUND', 'That sync pair is no longer saved.')

  return {
    list: async () => [...(await load())],
    async get(id) {
      const found = (await load()).find((candidate) => candidate.id === id)
      if (!found) throw missing()
      return found
    },
    async find(idOrName) {
      const pairs = await load()
      return (
        pairs.find((candidate) => candidate.id === idOrName) ??
        pairs.find((candidate) => candidate.name === idOrName) ??
        null
      )
    },
    save(id, draft) {
      const problem = draftProblem(draft)
      if (problem) return Promise.reject(new CodedError('INVALID_REQUEST', problem))
      return change((pairs) => {
        const clash = pairs.find((other) => other.name === draft.name && other.id !== id)
        if (clash)
          throw new CodedError('INVALID_REQUEST', `A sync pair named "${draft.name}" exists.`)
        if (id === undefined) {
          const created: SyncPair = { ...draft, id: randomUUID(), lastRun: null }
          return { pairs: [...pairs, created], value: created }
        }
        const old = pairs.find((candidate) => candidate.id === id)
        if (!old) throw missing()
        const saved: SyncPair = { ...draft, id, lastRun: old.lastRun }
        return { pairs: pairs.map((p) => (p.id === id ? saved : p)), value: saved }
      })
    },
    remove: (id) =>
      change((pairs) => ({ pairs: pairs.filter((p) => p.id !== id), value: undefined })),
    recordRun: (id, run) =>
      change((pairs) => ({
        pairs: pairs.map((p) => (p.id === id ? { ...p, lastRun: run } : p)),
        value: undefined,
      })),
  }
}
