/** What main says about itself: version, shell, and where account secrets are kept. */
import type { AppInfo } from '../../shared/accounts'
import type { DssApi } from '../../shared/contract'
import type { SliceCreator } from './app-state'

export type AppInfoSlice = {
  /** Null until main answers (or when it could not): the UI then just leaves the notes out. */
  readonly appInfo: AppInfo | null
  loadAppInfo(): Promise<void>
}

export const createAppInfoSlice =
  (api: DssApi): SliceCreator<AppInfoSlice> =>
  (set, get) => ({
    appInfo: null,

    loadAppInfo: async () => {
      const result = await api.invoke('app.info', {})
      if (!result.ok) return
      set({ appInfo: result.value })
      // Data files main set aside before this window listened (damaged at start).
      const notices = result.value.notices ?? []
      if (notices.length > 0) get().showAppNotice({ level: 'error', message: notices.join(' ') })
    },
  })
