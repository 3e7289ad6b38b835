/**
 * Sync runs not finished yet, in `sync-runs.json`: which pair, and the transfer batches the run
 * queued. After a crash or a quit, the run comes back paused; resuming it continues those
 * transfers (the transfer journal knows their parts) and compares again for the rest, so no
 * finished file is sent again.
 */
import path from 'node:path'
import { z } from 'zod'
import { syncCompareModes, syncDirections } from '../../../shared/sync'
import { readValidated, writeJsonAtomic, type OnSetAside } from '../atomic-file'

export const RUNS_FILE = 'sync-runs.json'

const runRecord = z.object({
  runId: z.string().min(1),
  pairId: z.string().nullable(),
  pair: z.object({
    name: z.string(),
    accountId: z.string(),
    bucket: z.string(),
    prefix: z.string(),
    localPath: z.string(),
    direction: z.enum(syncDirections),
    compare: z.enum(syncCompareModes),
    maxDeletes: z.number().int().min(0),
    maxDeleteShare: z.number().min(0).max(1),
  }),
  startedAt: z.string(),
  confirmDeletes: z.boolean(),
  batchIds: z.array(z.string()),
})
export type RunRecord = z.output<typeof runRecord>

const runsFile = z.object({ version: z.literal(1), runs: z.array(runRecord) })

export type RunJournal = {
  load(): Promise<RunRecord[]>
  put(record: RunRecord): Promise<void>
  remove(runId: string): Promise<void>
}

export const createRunJournal = (dataDir: string, onSetAside: OnSetAside): RunJournal => {
  const file = path.join(dataDir, RUNS_FILE)
  let runs: RunRecord[] | null = null
  let chain: Promise<unknown> = Promise.resolve()
  const load = async () => {
    runs ??= (await readValidated(file, runsFile, { version: 1, runs: [] }, onSetAside)).runs
    return runs
  }
  const change = (act: (all: RunRecord[]) => RunRecord[]): Promise<void> => {
    const next = chain.then(async () => {
      runs = act(await load())
      await writeJsonAtomic(file, { version: 1, runs })
    })
    chain = next.catch(() => undefined)
    return next
  }
  return {
    load: async () => [...(await load())],
    put: (record) => change((all) => [...all.filter((r) => r.runId !== record.runId), record]),
    remove: (runId) => change((all) => all.filter((r) => r.runId !== runId)),
  }
}
