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

export type CoreOptions = {
  readonly dataDir: string
  readonly info: AppInfo
  /** Defaults to a file only the user can read (the web shell's store). */
  readonly secrets?: SecretStore
}

export type Core = {
  readonly dispatch: Dispatch
  readonly events: EventBus
  readonly log: AppLog
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
  const info = {
    ...options.info,
    secretStorage: { description: secrets.description, encrypted: secrets.encrypted },
  }
  const handlers = createHandlers({ info, accounts, sandbox, jobs, events })
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
    async dispose() {
      meter.stop()
      jobs.cancelAll()
      await jobs.idle()
      accounts.dispose()
      await sandbox.stop()
      await log.flush()
    },
  }
}
