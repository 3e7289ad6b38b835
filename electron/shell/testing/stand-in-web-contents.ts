/**
 * The stand-in's web contents and their frames. Loading a URL
 * asks the registered protocol handler (there is no network), then runs the preload in a fresh
 * page (stand-in-renderer.ts); the page's HTML and scripts are not run.
 */
import { existsSync } from 'node:fs'
import { EventEmitter } from 'node:events'
import type { StandInApp } from './stand-in-app'
import { destroyedError, electronEvent } from './stand-in-events'
import type { StandInIpcMain } from './stand-in-ipc-main'
import { standInNativeImage, type StandInNativeImage } from './stand-in-native-image'
import type { StandInProtocol } from './stand-in-protocol'
import { StandInPage } from './stand-in-renderer'
import type { StandInSession } from './stand-in-session'

/** What one stand-in process shares with its windows. */
export type ProcessParts = {
  readonly app: StandInApp
  readonly protocol: StandInProtocol
  readonly ipcMain: StandInIpcMain
  readonly session: StandInSession
  /** Paths of Files that came from disk (a drop, a file picker), for webUtils.getPathForFile. */
  readonly filePaths: WeakMap<object, string>
  readonly windows: Set<StandInWindow>
  nextId(): number
  openWindow(options: Electron.BrowserWindowConstructorOptions): StandInWindow
}

/** What the process and a web contents need of a window. */
export type StandInWindow = EventEmitter & {
  readonly webContents: StandInWebContents
  close(): void
  destroy(): void
  isDestroyed(): boolean
}

type WindowOpenHandler = Parameters<Electron.WebContents['setWindowOpenHandler']>[0]

export class StandInFrame implements Pick<
  Electron.WebFrameMain,
  'url' | 'origin' | 'isDestroyed' | 'detached' | 'name' | 'processId' | 'routingId' | 'frameToken'
> {
  readonly frames: StandInFrame[] = []
  readonly name = ''
  readonly processId = 1
  readonly routingId: number
  readonly frameToken: string
  private destroyed = false

  constructor(
    readonly contents: StandInWebContents,
    readonly parent: StandInFrame | null,
    private readonly at: string,
    private readonly protocol: StandInProtocol,
    id: number,
  ) {
    this.routingId = id
    this.frameToken = `frame-${id}`
    parent?.frames.push(this)
  }

  /** Electron throws when a disposed frame is read; the shell checks isDestroyed() first. */
  get url(): string {
    if (this.destroyed)
      throw new Error('Render frame was disposed before WebFrameMain could be accessed')
    return this.at
  }

  get origin(): string {
    return this.protocol.originOf(this.url)
  }

  get top(): StandInFrame {
    return this.parent?.top ?? this
  }

  get detached(): boolean {
    return this.destroyed
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  destroy(): void {
    this.destroyed = true
    for (const child of this.frames) child.destroy()
  }
}

export type DragRecord = {
  readonly files: readonly string[]
  readonly icon: StandInNativeImage
  /** False for a call after the page's dragstart message was handled (after an await). */
  readonly duringDragStart: boolean
  readonly filesExisted: boolean
}

export class StandInWebContents
  extends EventEmitter
  implements
    Pick<
      Electron.WebContents,
      'id' | 'send' | 'startDrag' | 'isDestroyed' | 'loadURL' | 'getURL' | 'setWindowOpenHandler'
    >
{
  readonly id: number
  readonly session: StandInSession
  readonly drags: DragRecord[] = []
  /** Every response a load got from a protocol handler. */
  readonly responses: Response[] = []
  private frame: StandInFrame
  private current: StandInPage
  private destroyed = false
  private windowOpenHandler: WindowOpenHandler | null = null
  private dragStarting = false

  constructor(
    private readonly proc: ProcessParts,
    readonly webPreferences: Electron.WebPreferences,
    private readonly window: EventEmitter,
  ) {
    super()
    this.id = proc.nextId()
    this.session = proc.session
    this.frame = new StandInFrame(this, null, 'about:blank', proc.protocol, proc.nextId())
    this.current = new StandInPage(this, this.frame, proc)
  }

  get mainFrame(): StandInFrame {
    this.check()
    return this.frame
  }

  /** The document now shown, from the renderer's side. */
  get page(): StandInPage {
    return this.current
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  getURL(): string {
    this.check()
    return this.frame.url
  }

  /** Documented: a load started by main does not emit `will-navigate`. */
  async loadURL(url: string, _options?: Electron.LoadURLOptions): Promise<void> {
    this.check()
    await this.commit(url)
  }

  send(channel: string, ...args: unknown[]): void {
    this.check()
    const cloned = structuredClone(args)
    const page = this.current
    setImmediate(() => page.deliver(channel, cloned))
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }

  /**
   * Documented: sets the item "for the current drag-drop operation" — so it must be called while
   * the page's drag is starting, from the handler of the message the page sent in dragstart. A
   * call after that (after an await) finds the mouse button up: nothing, or a stray drag, happens
   * on a desktop; the stand-in records it as late. Electron throws for an empty icon ("must be
   * non-empty on macOS", its docs say; its C++ checks on every platform) and for no file.
   */
  startDrag(item: Electron.Item): void {
    this.check()
    const files = item.files ?? (item.file ? [item.file] : [])
    if (files.length === 0) throw new Error("Must specify either 'file' or 'files' option")
    const icon =
      typeof item.icon === 'string'
        ? standInNativeImage.createFromPath(item.icon)
        : (item.icon as unknown as StandInNativeImage | undefined)
    if (!icon || icon.isEmpty()) throw new Error("Must specify non-empty 'icon' option")
    this.drags.push({
      files,
      icon,
      duringDragStart: this.dragStarting,
      filesExisted: files.every((file) => existsSync(file)),
    })
  }

  /** Runs main's listeners for one message, marking a message sent from the page's dragstart. */
  runListeners(duringDragStart: boolean, run: () => void): void {
    this.dragStarting = duringDragStart
    try {
      run()
    } finally {
      this.dragStarting = false
    }
  }

  /** The page itself navigates (a link, `location`): `will-navigate` first, preventable. */
  async navigateFromPage(url: string): Promise<boolean> {
    this.check()
    const event = electronEvent({
      url,
      isSameDocument: false,
      isMainFrame: true,
      frame: this.frame,
    })
    this.emit('will-navigate', event, url, false, true, this.frame.processId, this.frame.routingId)
    if (event.defaultPrevented) return false
    await this.commit(url)
    return true
  }

  /**
   * The page asks for a window (window.open, target=_blank). Documented: the handler decides;
   * without one, Electron makes the window.
   */
  openFromPage(url: string): StandInWindow | null {
    this.check()
    const answer = this.windowOpenHandler?.({
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer: { url: this.frame.url, policy: 'strict-origin-when-cross-origin' },
    }) ?? { action: 'allow' as const }
    if (answer.action === 'deny') return null
    const child = this.proc.openWindow(answer.overrideBrowserWindowOptions ?? {})
    void child.webContents.loadURL(url)
    this.emit('did-create-window', child, {
      url,
      frameName: '',
      options: {},
      disposition: 'foreground-tab',
    })
    return child
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.frame.destroy()
    this.emit('destroyed')
  }

  private async commit(url: string): Promise<void> {
    const scheme = url.slice(0, Math.max(0, url.indexOf(':')))
    if (this.proc.protocol.isProtocolHandled(scheme)) {
      this.responses.push(await this.proc.protocol.fetch(url))
    } else if (!['http', 'https', 'about', 'data'].includes(scheme)) {
      this.emit('did-fail-load', electronEvent(), -302, 'ERR_UNKNOWN_URL_SCHEME', url, true)
      throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`)
    }
    if (this.destroyed) return
    this.frame.destroy()
    this.frame = new StandInFrame(this, null, url, this.proc.protocol, this.proc.nextId())
    this.current = new StandInPage(this, this.frame, this.proc)
    // Before any script of the page, as a preload runs.
    if (this.webPreferences.preload) this.current.runPreload(this.webPreferences)
    this.emit('dom-ready', electronEvent())
    this.emit('did-finish-load', electronEvent())
    this.window.emit('ready-to-show', electronEvent())
  }

  private check(): void {
    if (this.destroyed) throw destroyedError()
  }
}
