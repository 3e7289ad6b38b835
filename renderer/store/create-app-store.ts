import { createStore } from 'zustand/vanilla'
import type { DssApi } from '../../shared/contract'
import { createAccountsSlice } from './accounts-slice'
import type { AppState } from './app-state'
import { createBucketsSlice } from './buckets-slice'
import { createSandboxSlice } from './sandbox-slice'

/** The renderer's one store, with the contract's client injected (a fake one in tests). */
export const createAppStore = (api: DssApi) =>
  createStore<AppState>()((...args) => ({
    ...createAccountsSlice(api)(...args),
    ...createBucketsSlice(api)(...args),
    ...createSandboxSlice(api)(...args),
  }))

export type AppStore = ReturnType<typeof createAppStore>
