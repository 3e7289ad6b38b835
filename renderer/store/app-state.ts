import type { StateCreator } from 'zustand'
import type { AccountsSlice } from './accounts-slice'
import type { AppInfoSlice } from './app-info-slice'
import type { BrowserSlice } from './browser-slice'
import type { BucketsSlice } from './buckets-slice'
import type { EditsSlice } from './edits-slice'
import type { ConnectionSlice } from './connection-slice'
import type { ImportSlice } from './import-slice'
import type { JobsSlice } from './jobs-slice'
import type { ObjectActionsSlice } from './object-actions-slice'
import type { RequestsSlice } from './requests-slice'
import type { SandboxSlice } from './sandbox-slice'
import type { SelectionSlice } from './selection-slice'
import type { SharesSlice } from './shares-slice'
import type { SyncSlice } from './sync-slice'
import type { TransfersSlice } from './transfers-slice'
import type { TreeSlice } from './tree-slice'
import type { UploadsSlice } from './uploads-slice'

/** The whole renderer state: one store made of typed slices (zustand's slices pattern). */
export type AppState = AccountsSlice &
  BucketsSlice &
  SandboxSlice &
  TreeSlice &
  BrowserSlice &
  SelectionSlice &
  ObjectActionsSlice &
  JobsSlice &
  AppInfoSlice &
  ImportSlice &
  RequestsSlice &
  TransfersSlice &
  UploadsSlice &
  SharesSlice &
  SyncSlice &
  EditsSlice &
  ConnectionSlice

/** A slice sees the whole store, so its actions can call other slices through `get()`. */
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>
