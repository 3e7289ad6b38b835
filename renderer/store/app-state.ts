import type { StateCreator } from 'zustand'
import type { AccountsSlice } from './accounts-slice'
import type { BucketsSlice } from './buckets-slice'
import type { SandboxSlice } from './sandbox-slice'

/** The whole renderer state: one store made of typed slices (zustand's slices pattern). */
export type AppState = AccountsSlice & BucketsSlice & SandboxSlice

/** A slice sees the whole store, so its actions can call other slices through `get()`. */
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>
