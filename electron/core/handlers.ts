/** The command handlers: one entry per command of the contract. */
import { ListBucketsCommand } from '@aws-sdk/client-s3'
import type { AppInfo, BucketSummary } from '../../shared/accounts'
import type { Accounts, Connection } from './accounts'
import { listImportable } from './aws-profiles'
import type { Cancellations } from './cancellations'
import { createEditHandlers } from './edits/edit-handlers'
import type { EditService } from './edits/edit-service'
import type { Handlers } from './dispatcher'
import type { EventBus } from './event-bus'
import type { JobManager } from './jobs/job-manager'
import { createLocalFolderHandlers } from './local-folders/folder-handlers'
import { createObjectHandlers } from './object-handlers'
import { createSearchHandlers } from './objects/search-handlers'
import type { Sandbox } from './sandbox/sandbox'
import { s3Call } from './s3-call'
import { createShareHandlers } from './share/share-handlers'
import type { ShareService } from './share/share-service'
import { createSyncHandlers } from './sync/sync-handlers'
import type { SyncService } from './sync/sync-service'
import { createTransferHandlers } from './transfers/transfer-handlers'
import type { TransferService } from './transfers/transfer-service'

const listBuckets = async (connection: Connection, signal: AbortSignal): Promise<BucketSummary[]> =>
  s3Call(connection, {}, async () => {
    const answer = await connection.client.send(new ListBucketsCommand({}), {
      abortSignal: signal,
    })
    return (answer.Buckets ?? []).map((bucket) => ({
      name: bucket.Name ?? '',
      createdAt: bucket.CreationDate?.toISOString() ?? null,
    }))
  })

export const createHandlers = (deps: {
  info: AppInfo
  accounts: Accounts
  sandbox: Sandbox
  jobs: JobManager
  events: EventBus
  transfers: TransferService
  shares: ShareService
  sync: SyncService
  edits: EditService
  cancellations: Cancellations
  /** Data files set aside since the start (app.info carries them to windows opened later). */
  notices: () => readonly string[]
}): Handlers => ({
  ...createObjectHandlers(deps),
  ...createSearchHandlers(deps),
  ...createTransferHandlers(deps.transfers, deps.cancellations),
  ...createShareHandlers(deps.shares),
  ...createSyncHandlers(deps.sync, deps.cancellations),
  ...createLocalFolderHandlers(),
  ...createEditHandlers(deps.edits),
  'app.info': async () => ({ ...deps.info, notices: deps.notices() }),
  'accounts.list': () => deps.accounts.list(),
  'accounts.test': ({ id, draft, requestId }) =>
    deps.cancellations.run(requestId, async (signal) => {
      const connection = await deps.accounts.draftConnection(id, draft, signal)
      try {
        const started = performance.now()
        const buckets = await listBuckets(connection, signal)
        return { bucketCount: buckets.length, latencyMs: Math.round(performance.now() - started) }
      } finally {
        connection.client.destroy()
      }
    }),
  'accounts.save': ({ id, draft }) => deps.accounts.save(id, draft),
  'accounts.remove': async ({ id }) => {
    await deps.accounts.remove(id)
    // Its links are signed with keys the app no longer has; keeping them would be a leak.
    await deps.shares.dropAccount(id)
    return null
  },
  'accounts.importable': () => listImportable(),
  'sandbox.start': () => deps.sandbox.start(),
  'requests.log': async ({ accountId }) =>
    (await deps.accounts.connection(accountId)).log.entries(),
  'requests.cancel': async ({ requestId }) => ({
    cancelled: deps.cancellations.cancel(requestId),
  }),
  'buckets.list': ({ accountId, requestId }) =>
    deps.cancellations.run(requestId, async (signal) =>
      listBuckets(await deps.accounts.connection(accountId), signal),
    ),
})
