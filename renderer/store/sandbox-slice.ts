/** The built-in local S3 server's status, started on demand. */
import type { SandboxStatus } from '../../shared/accounts'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import type { DssApi } from '../../shared/contract'
import type { SliceCreator } from './app-state'

export type SandboxSlice = {
  readonly sandboxStatus: SandboxStatus
  startSandbox(): Promise<void>
  /** Records a status from main; once the sandbox is ready its buckets are listed. */
  applySandboxStatus(status: SandboxStatus): void
}

export const createSandboxSlice =
  (api: DssApi): SliceCreator<SandboxSlice> =>
  (set, get) => ({
    sandboxStatus: { state: 'stopped' },

    startSandbox: async () => {
      if (get().sandboxStatus.state === 'starting') return
      set({ sandboxStatus: { state: 'starting' } })
      const result = await api.invoke('sandbox.start', {})
      get().applySandboxStatus(
        result.ok ? result.value : { state: 'failed', message: result.error.message },
      )
    },

    applySandboxStatus: (status) => {
      set({ sandboxStatus: status })
      if (status.state === 'ready') get().ensureBuckets(SANDBOX_ACCOUNT_ID)
    },
  })
