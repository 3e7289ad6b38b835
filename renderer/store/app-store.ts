import { useStore } from 'zustand'
import { getDssApi } from '../api/get-dss-api'
import { stageOverHttp } from '../api/stage-file'
import type { AppState } from './app-state'
import { createAppStore } from './create-app-store'

export const appStore = createAppStore(getDssApi(), {
  stageFile: stageOverHttp,
  writeClipboard: (text) => navigator.clipboard.writeText(text),
})

/** Reads the store through a selector; wrap selectors that build objects or arrays in useShallow. */
export const useAppStore = <T>(selector: (state: AppState) => T): T => useStore(appStore, selector)
