/**
 * The main-process core, free of any Electron import: both the Electron shell and the web shell
 * host one of these and forward its commands and events.
 */
import type { AppInfo } from '../../shared/accounts'
import { createAccounts } from './accounts'
import { createAppLog, type AppLog } from './app-log'
import { createDispatcher, type Dispatch } from './dispatcher'
import { createEventBus, type EventBus } from './event-bus'
import { createHandlers } from './handlers'
import { createJobManager } from './jobs/job-manager'
import { createRedactor } from './redactor'
import { startRequestMeter } from './request-meter'
import { createSandbox } from './sandbox/sandbox'
import { createFileSecretStore, type SecretStore } from './secret-store'
import { createShareService } from './share/share-service'
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
  /** Transfer retries (tests shorten the backoff). */
  readonly transferRetry?: RetryPolicy
}

export type Core = {
  readonly dispatch: Dispatch
  readonly events: EventBus
  readonly log: AppLog
  /** Files the web shell receives over HTTP before they are uploaded. */
  readonly staging: Staging
  /** Electron: objects fetched to temporary files for dragging out to the desktop. */
  readonly dragOut: DragOut
  dispose(): Promise<void>
}

export const createCore = (options: CoreOptions): Core => {
  const events = createEventBus()
  const redactor = createRedactor()
  const log = createAppLog(options.dataDir, redactor)
  log.write('start', { version: options.info.version, shell: options.info.shell })
  const secrets = options.secrets ?? createFileSecretStore(options.dataDir)
  const sandbox = createSandbox({ dataDir: options.dataDir, events, redactor })
  const accounts = createAccounts({ dataDir: options.dataDir, secrets, sandbox, events, redactor })
  const jobs = createJobManager({ events })
  const transfers = createTransferService({
    dataDir: options.dataDir,
    accounts,
    events,
    downloadsDir: options.downloadsDir ?? defaultDownloadsDir(),
    retry: options.transferRetry,
  })
  const shares = createShareService({ dataDir: options.dataDir, accounts, events, redactor })
  const dragOut = createDragOut({
    connection: (accountId) => accounts.connection(accountId),
    folder: path.join(os.tmpdir(), `dss-explorer-drag-${randomUUID()}`),
  })
  const info = {
    ...options.info,
    secretStorage: { description: secrets.description, encrypted: secrets.encrypted },
  }
  const handlers = createHandlers({ info, accounts, sandbox, jobs, events, transfers, shares })
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
    async dispose() {
      meter.stop()
      jobs.cancelAll()
      await jobs.idle()
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
