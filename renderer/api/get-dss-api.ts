import type { DssApi } from '../../shared/contract'
import type { Connection } from './connection-status'
import { createWebSocketClient, type AccessCheck } from './web-socket-client'
import { webShellPageUrl, webShellUrl } from './web-shell-url'

type Client = { readonly api: DssApi; readonly connection: Connection | null }

let client: Client | null = null

/** A HEAD of the page's own address: 403 is a refused token, a network error a shell away. */
const checkAccess: AccessCheck = async () => {
  try {
    const response = await fetch(webShellPageUrl(window.location), {
      method: 'HEAD',
      cache: 'no-store',
    })
    return response.status === 403 ? 'refused' : 'accepted'
  } catch {
    return 'unreachable'
  }
}

const webShellClient = (): Client => {
  const web = createWebSocketClient({ url: webShellUrl(window.location), checkAccess })
  return { api: web, connection: web.connection }
}

const getClient = (): Client => {
  client ??= window.dss ? { api: window.dss, connection: null } : webShellClient()
  return client
}

/** The contract's client: Electron's preload when present, the web shell's WebSocket otherwise. */
export const getDssApi = (): DssApi => getClient().api

/** The web shell's link to the core, or null in Electron (IPC does not drop). */
export const getConnection = (): Connection | null => getClient().connection
