import { createStore } from 'zustand/vanilla'
import type { DssApi } from '../../shared/contract'
import type { StageFile } from '../api/stage-file'
import { createAccountsSlice } from './accounts-slice'
import { createAppInfoSlice } from './app-info-slice'
import type { AppState } from './app-state'
import { createBrowserSlice } from './browser-slice'
import { createBucketsSlice } from './buckets-slice'
import { createConnectionSlice } from './connection-slice'
import { createEditsSlice } from './edits-slice'
import { createImportSlice } from './import-slice'
import { createJobsSlice } from './jobs-slice'
import { createObjectActionsSlice } from './object-actions-slice'
import { createRequestsSlice } from './requests-slice'
import { createSandboxSlice } from './sandbox-slice'
import { createSelectionSlice } from './selection-slice'
import type { ShareOptions } from './shares-slice'
import { createSharesSlice } from './shares-slice'
import { createSyncSlice } from './sync-slice'
import { createTransfersSlice } from './transfers-slice'
import { createTreeSlice } from './tree-slice'
import type { UploadOptions } from './uploads-slice'
import { createUploadsSlice } from './uploads-slice'

const noStaging: StageFile = async () => ({
  ok: false,
  error: { code: 'INVALID_REQUEST', message: 'Files cannot be staged here.' },
})

const noClipboard = async (): Promise<void> => {
  throw new Error('there is no clipboard here.')
}

/** What the store needs from the page: how the web shell stages files, the clipboard. */
export type StoreOptions = Partial<UploadOptions & ShareOptions>

/**
 * The renderer's one store, with the contract's client injected (a fake one in tests), how the
 * web shell stages dropped files, and how text reaches the clipboard.
 */
export const createAppStore = (
  api: DssApi,
  { stageFile = noStaging, writeClipboard = noClipboard, ...uploads }: StoreOptions = {},
) =>
  createStore<AppState>()((...args) => ({
    ...createAccountsSlice(api)(...args),
    ...createBucketsSlice(api)(...args),
    ...createSandboxSlice(api)(...args),
    ...createTreeSlice(api)(...args),
    ...createBrowserSlice(api)(...args),
    ...createSelectionSlice(...args),
    ...createObjectActionsSlice(api)(...args),
    ...createJobsSlice(api)(...args),
    ...createAppInfoSlice(api)(...args),
    ...createImportSlice(api)(...args),
    ...createRequestsSlice(api)(...args),
    ...createTransfersSlice(api)(...args),
    ...createUploadsSlice(api, { ...uploads, stageFile })(...args),
    ...createSharesSlice(api, { writeClipboard })(...args),
    ...createSyncSlice(api)(...args),
    ...createEditsSlice(api)(...args),
    ...createConnectionSlice(...args),
  }))

export type AppStore = ReturnType<typeof createAppStore>
