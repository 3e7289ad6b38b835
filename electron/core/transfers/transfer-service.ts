/**
 * The transfer service: one queue for every upload and download of every account, the journal
 * that lets them continue after a restart, the web shell's staging folder, and the settings. The
 * command handlers are thin wrappers around it.
 */
import { CodedError } from '../../../shared/errors'
import type { TransferBatch, TransferSettings, TransfersList } from '../../../shared/transfers'
import type { Accounts } from '../accounts'
import type { OnSetAside } from '../atomic-file'
import type { EventBus } from '../event-bus'
import { queueDownloads, type DownloadRequest } from './download-batch'
import type { DownloadDeps } from './download-task'
import { existingKeys } from './existing-keys'
import { createJournal } from './journal'
import { restoreRecord } from './journal-restore'
import { createListingAnnouncer } from './listing-announcer'
import { createPartSlots } from './part-slots'
import { createPathAllocator } from './path-allocator'
import { DEFAULT_RETRY, type RetryPolicy } from './retry'
import { s3Call } from '../s3-call'
import { createStaging, type Staging } from './staging'
import { createTransferQueue } from './transfer-queue'
import { createSettingsStore } from './transfer-settings'
import { queueUploads, type UploadRequest } from './upload-batch'

export type TransferService = {
  upload(request: UploadRequest): Promise<TransferBatch>
  conflicts(
    request: { accountId: string; bucket: string; keys: readonly string[] },
    signal?: AbortSignal,
  ): Promise<{ existing: string[] }>
  download(request: DownloadRequest): Promise<TransferBatch>
  list(): Promise<TransfersList>
  pause(id: string): Promise<void>
  resume(id: string): Promise<void>
  cancel(id: string): Promise<void>
  retry(id: string): Promise<void>
  pauseAll(): Promise<void>
  resumeAll(): Promise<void>
  clearFinished(): Promise<void>
  /** Removes these transfers from the list where they are done (a sync run's, once it ends). */
  clearDone(ids: readonly string[]): Promise<void>
  abortOrphans(): Promise<{ aborted: number; failed: number }>
  settings(changes: Partial<TransferSettings>): Promise<TransferSettings>
  readonly staging: Staging
  /** Resolves when nothing is queued or running (tests). */
  idle(): Promise<void>
  /** Pauses what runs, keeping the journal, so the next start can resume it. */
  dispose(): Promise<void>
}

export type TransferServiceOptions = {
  readonly dataDir: string
  readonly accounts: Accounts
  readonly events: EventBus
  readonly downloadsDir: string
  readonly retry?: RetryPolicy
  /** Told when the journal or the settings file could not be read and was set aside. */
  readonly onSetAside?: OnSetAside
}

const notFound = (): CodedError =>
  new CodedError('NOT_FOUND', 'That transfer is no longer in the list.')

export const createTransferService = (options: TransferServiceOptions): TransferService => {
  const { accounts, events } = options
  const journal = createJournal(options.dataDir, options.onSetAside)
  const staging = createStaging(options.dataDir)
  const settingsStore = createSettingsStore(options.dataDir, options.onSetAside)
  const slots = createPartSlots(1)
  const announcer = createListingAnnouncer(events)
  let settings: TransferSettings | null = null

  const queue = createTransferQueue({
    filesInFlight: 1,
    notFound,
    emit(update) {
      announcer.observe(update)
      events.emit('transfers.updated', update)
    },
  })
  const deps: DownloadDeps = {
    connection: (accountId) => accounts.connection(accountId),
    journal,
    slots,
    staging,
    settings: () => settings as TransferSettings,
    retry: options.retry ?? DEFAULT_RETRY,
    paths: createPathAllocator(),
  }
  /** Ids restored from the journal and not touched since: what "abort orphans" aborts. */
  const restored = new Set<string>()

  const apply = (next: TransferSettings): void => {
    settings = next
    queue.setConcurrency(next.filesInFlight)
    slots.setLimit(next.partsInFlight)
  }

  const ready = (async () => {
    apply(await settingsStore.load())
    const records = await journal.load()
    for (const record of records) {
      restored.add(record.id)
      await restoreRecord(record, queue, deps)
    }
    // Staged files no unfinished upload needs are left from an earlier run.
    await staging.sweep(
      new Set(
        records.flatMap((record) => {
          const stagedId =
            record.kind === 'upload'
              ? record.stagedId
              : record.kind === 'queued' && record.work.type === 'upload-file'
                ? record.work.stagedId
                : null
          return stagedId ? [stagedId] : []
        }),
      ),
    )
  })()

  const touching = async (id: string, act: (id: string) => unknown): Promise<void> => {
    await ready
    if (!queue.has(id)) throw notFound()
    restored.delete(id)
    await act(id)
  }

  return {
    staging,
    async upload(request) {
      await ready
      const batch = await queueUploads(request, queue, deps)
      announcer.batch(batch.batchId, request.prefix)
      return batch
    },
    async conflicts({ accountId, bucket, keys }, signal) {
      const connection = await accounts.connection(accountId)
      const existing = await s3Call(connection, { bucket }, () =>
        existingKeys(connection, bucket, keys, signal),
      )
      return { existing }
    },
    async download(request) {
      await ready
      return queueDownloads(request, options.downloadsDir, queue, deps)
    },
    async list() {
      await ready
      return queue.list()
    },
    pause: (id) => touching(id, queue.pause),
    resume: (id) => touching(id, queue.resume),
    // The abort request may take a while (retries): the caller need not wait for it.
    cancel: (id) => touching(id, (target) => void queue.cancel(target).catch(() => undefined)),
    retry: (id) => touching(id, queue.retry),
    async pauseAll() {
      await ready
      queue.pauseAll()
    },
    async resumeAll() {
      await ready
      restored.clear()
      queue.resumeAll()
    },
    async clearFinished() {
      await ready
      queue.clearFinished()
    },
    async clearDone(ids) {
      await ready
      queue.clearDone(ids)
    },
    async abortOrphans() {
      await ready
      let aborted = 0
      let failed = 0
      for (const id of queue.ids('paused')) {
        if (!restored.has(id) || !journal.get(id, 'upload')) continue
        restored.delete(id)
        if (await queue.cancel(id)) aborted += 1
        else failed += 1
      }
      return { aborted, failed }
    },
    async settings(changes) {
      await ready
      const next = { ...(settings as TransferSettings), ...changes }
      if (Object.keys(changes).length > 0) {
        await settingsStore.save(next)
        apply(next)
      }
      return next
    },
    idle: () => ready.then(() => queue.idle()),
    async dispose() {
      await ready.catch(() => undefined)
      await queue.shutdown()
      announcer.stop()
      await journal.save().catch(() => undefined)
    },
  }
}
