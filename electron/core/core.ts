/**
 * The main-process core, free of any Electron import: both the Electron shell and the web shell
 * host one of these and forward its commands and events.
 */
import type { AppInfo } from '../../shared/accounts'
import { createAccounts } from './accounts'
import { createAppLog, type AppLog } from './app-log'
import type { OnSetAside } from './atomic-file'
import { securePrivateData } from './private-data'
import { createCancellations } from './cancellations'
import { createDispatcher, type Dispatch } from './dispatcher'
import { createEditService } from './edits/edit-service'
import { openWithOs, type OpenFile } from './edits/open-with-os'
import { createEventBus, type EventBus } from './event-bus'
import { createHandlers } from './handlers'
import { createJobManager } from './jobs/job-manager'
import { createRedactor } from './redactor'
import type { RequestLimits } from './request-limits'
import { startRequestMeter } from './request-meter'
import { createSetAsideNotices } from './set-aside-notices'
import { createSandbox } from './sandbox/sandbox'
import { createFileSecretStore, type SecretStore } from './secret-store'
import { createShareService } from './share/share-service'
import { createSyncService, type SyncService } from './sync/sync-service'
import { createFolderTrash, type Trash } from './sync/trash'
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { defaultDownloadsDir } from './transfers/downloads-dir'
import { createDragOut, type DragOut } from './transfers/drag-out'
import type { RetryPolicy } from './transfers/retry'
import type { Staging } from './transfers/staging'
import { createTransferService } from './transfers/transfer-service'

export type CoreOptions = {
  readonly dataDir: string
  readonly info: AppInfo
  /** Defaults to a file only the user can read (the web shell's store). */
  readonly secrets?: SecretStore
  /** Where downloads go when the user picks no folder (Electron: app.getPath('downloads')). */
  readonly downloadsDir?: string
  /**
   * The retry policy: each S3 request's budget, and that of a transfer step's own retries (bytes
   * damaged or a body cut off). Tests shorten the backoff.
   */
  readonly retry?: RetryPolicy
  /** How long a request may stall at each stage (tests shorten them). */
  readonly requestLimits?: RequestLimits
  /**
   * Where a sync's local deletes go: Electron passes the OS trash (shell.trashItem); without it,
   * a trash folder inside the data folder.
   */
  readonly trash?: Trash
  /**
   * Opens a file in the system's app for editing in place: Electron passes shell.openPath;
   * without it, the platform's opener (xdg-open, open, start).
   */
  readonly openFile?: OpenFile
  /** Tests: how long a file must rest after an event before it counts as saved. */
  readonly editSettleMs?: number
}

export type Core = {
  readonly dispatch: Dispatch
  readonly events: EventBus
  readonly log: AppLog
  /** Files the web shell receives over HTTP before they are uploaded. */
  readonly staging: Staging
  /** Electron: objects fetched to temporary files for dragging out to the desktop. */
  readonly dragOut: DragOut
  /** Folder sync (the command line runs saved pairs through it). */
  readonly sync: SyncService
  dispose(): Promise<void>
}

export const createCore = (options: CoreOptions): Core => {
  const events = createEventBus()
  const redactor = createRedactor()
  const log = createAppLog(options.dataDir, redactor)
  log.write('start', { version: options.info.version, shell: options.info.shell })
  // Folders and files left readable by others by earlier builds become the user's only.
  void securePrivateData(options.dataDir).catch(() => undefined)
  const notices = createSetAsideNotices(events)
  const onSetAside: OnSetAside = (aside) => {
    log.write('set-aside', { file: aside.file, movedTo: aside.movedTo })
    notices.onSetAside(aside)
  }
  const secrets = options.secrets ?? createFileSecretStore(options.dataDir)
  const sandbox = createSandbox({ dataDir: options.dataDir, events, redactor })
  const accounts = createAccounts({
    dataDir: options.dataDir,
    secrets,
    sandbox,
    events,
    redactor,
    onSetAside,
    behaviour: { limits: options.requestLimits, retry: options.retry },
  })
  const jobs = createJobManager({ events })
  const transfers = createTransferService({
    dataDir: options.dataDir,
    accounts,
    events,
    downloadsDir: options.downloadsDir ?? defaultDownloadsDir(),
    retry: options.retry,
    onSetAside,
  })
  const shares = createShareService({
    dataDir: options.dataDir,
    accounts,
    events,
    redactor,
    onSetAside,
  })
  const sync = createSyncService({
    dataDir: options.dataDir,
    accounts,
    events,
    transfers,
    trash: options.trash ?? createFolderTrash(options.dataDir),
    onSetAside,
  })
  const cancellations = createCancellations()
  const edits = createEditService({
    connection: (accountId) => accounts.connection(accountId),
    transfers,
    events,
    openFile: options.openFile ?? openWithOs(),
    settleMs: options.editSettleMs,
  })
  const dragOut = createDragOut({
    connection: (accountId) => accounts.connection(accountId),
    folder: path.join(os.tmpdir(), `dss-explorer-drag-${randomUUID()}`),
  })
  const info = {
    ...options.info,
    secretStorage: { description: secrets.description, encrypted: secrets.encrypted },
  }
  const handlers = createHandlers({
    info,
    accounts,
    sandbox,
    jobs,
    events,
    transfers,
    shares,
    sync,
    edits,
    cancellations,
    notices: notices.list,
  })
  events.on('jobs.updated', (job) => {
    if (job.finishedAt) {
      log.write('job', {
        title: job.title,
        state: job.state,
        done: job.done,
        failures: job.failureCount,
      })
    }
  })
  const meter = startRequestMeter(accounts, events)
  events.on('sandbox.status', (status) => {
    if (status.state === 'failed') log.write('sandbox', { error: status.message })
  })
  return {
    dispatch: createDispatcher(handlers, redactor, (command, result, ms) =>
      log.write(
        'command',
        result.ok ? { command, ms, ok: true } : { command, ms, ok: false, ...result.error },
      ),
    ),
    events,
    log,
    staging: transfers.staging,
    dragOut,
    sync,
    async dispose() {
      meter.stop()
      cancellations.cancelAll()
      jobs.cancelAll()
      await jobs.idle()
      // Runs stop following their transfers but stay in their journal, to resume next time.
      await sync.dispose()
      // A save being uploaded finishes first; then every temporary copy is removed.
      await edits.dispose()
      // Running transfers pause: their journal records let the next start resume them.
      await transfers.dispose()
      await dragOut.dispose()
      await shares.dispose()
      accounts.dispose()
      await sandbox.stop()
      // The last line of a clean stop: a log without it was cut off.
      log.write('stop')
      await log.flush()
    },
  }
}
