/** Accounts the AWS CLI already knows (profiles, AWS_* variables), offered by the connect form. */
import type { ImportableAccount } from '../../shared/accounts'
import type { DssApi } from '../../shared/contract'
import type { SliceCreator } from './app-state'

export type ImportSlice = {
  /** Empty until loaded, and when loading failed: importing is a shortcut, never in the way. */
  readonly importable: readonly ImportableAccount[]
  /** Reads the AWS files again (they may have changed since the form was last open). */
  loadImportable(): Promise<void>
}

export const createImportSlice =
  (api: DssApi): SliceCreator<ImportSlice> =>
  (set) => {
    // Only the latest answer counts: an older one may have been read before a file changed.
    let latest = 0
    return {
      importable: [],

      loadImportable: async () => {
        const call = ++latest
        const result = await api.invoke('accounts.importable', {})
        if (call !== latest) return
        set({ importable: result.ok ? result.value : [] })
      },
    }
  }
