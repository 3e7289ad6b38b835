/**
 * The stand-in's `protocol`: privileged schemes may be registered only before `ready`, and only
 * once; handlers only after it (Electron's documentation for both). A request to a handled scheme
 * reaches its handler as a fetch Request, as `protocol.handle` documents.
 */
import type { StandInApp } from './stand-in-app'

type Handler = Parameters<Electron.Protocol['handle']>[1]

/** Schemes Chromium knows as standard (they have a host and a tuple origin) without registering. */
const BUILT_IN_STANDARD = new Set(['http', 'https', 'ws', 'wss', 'ftp'])

export class StandInProtocol implements Pick<
  Electron.Protocol,
  'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'
> {
  private readonly privileged = new Map<string, Electron.Privileges>()
  private registered = false
  private readonly handlers = new Map<string, Handler>()

  constructor(private readonly app: StandInApp) {}

  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    if (this.app.isReady()) {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    }
    if (this.registered) throw new Error('registerSchemesAsPrivileged can be called only once')
    this.registered = true
    for (const { scheme, privileges } of customSchemes)
      this.privileged.set(scheme, privileges ?? {})
  }

  handle(scheme: string, handler: Handler): void {
    if (!this.app.isReady()) throw new Error('protocol.handle may be used only after app is ready')
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    this.handlers.set(scheme, handler)
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme)
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme)
  }

  isStandard(scheme: string): boolean {
    return BUILT_IN_STANDARD.has(scheme) || this.privileged.get(scheme)?.standard === true
  }

  privilegesOf(scheme: string): Electron.Privileges | undefined {
    return this.privileged.get(scheme)
  }

  /** What Chromium does with a request to a handled scheme; no other scheme reaches a network. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1)
    const handler = this.handlers.get(scheme)
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME loading '${url}'`)
    return handler(new Request(url, init))
  }

  /**
   * Chromium's origin of a document at `url` (WebFrameMain.origin): scheme://host[:port] for a
   * standard scheme — ours once registered as privileged and standard — "file://" for files, and
   * "null" (an opaque origin) for anything else. Node's `URL.origin` says "null" for app: even
   * when it is registered (DSS.md §4); this is what a frame reports.
   */
  originOf(url: string): string {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return 'null'
    }
    const scheme = parsed.protocol.slice(0, -1)
    if (scheme === 'file') return 'file://'
    if (!this.isStandard(scheme) || parsed.host === '') return 'null'
    return `${scheme}://${parsed.host.toLowerCase()}`
  }
}
