/**
 * The main-process core, free of any Electron import: both the Electron shell and the web shell
 * host one of these and forward its commands and events.
 */
import type { AppInfo } from '../../shared/accounts'
import { createAccounts } from './accounts'
import { createDispatcher, type Dispatch } from './dispatcher'
import { createEventBus, type EventBus } from './event-bus'
import { createHandlers } from './handlers'
import { createJobManager } from './jobs/job-manager'
import { createRedactor } from './redactor'
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
  dispose(): Promise<void>
}

export const createCore = (options: CoreOptions): Core => {
  const events = createEventBus()
  const redactor = createRedactor()
  const secrets = options.secrets ?? createFileSecretStore(options.dataDir)
  const sandbox = createSandbox({ dataDir: options.dataDir, events, redactor })
  const accounts = createAccounts({ dataDir: options.dataDir, secrets, sandbox, events, redactor })
  const jobs = createJobManager({ events })
  const handlers = createHandlers({ info: options.info, accounts, sandbox, jobs, events })
  return {
    dispatch: createDispatcher(handlers, redactor),
    events,
    async dispose() {
      jobs.cancelAll()
      await jobs.idle()
      accounts.dispose()
      await sandbox.stop()
    },
  }
}
