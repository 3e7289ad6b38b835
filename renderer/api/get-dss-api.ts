import type { DssApi } from '../../shared/contract'
import { createWebSocketClient } from './web-socket-client'
import { webShellUrl } from './web-shell-url'

let api: DssApi | null = null

/** The contract's client: Electron's preload when present, the web shell's WebSocket otherwise. */
export const getDssApi = (): DssApi => {
  api ??= window.dss ?? createWebSocketClient({ url: webShellUrl(window.location) })
  return api
}
