/**
 * The stand-in's BrowserWindow: made only once the app is ready, announced by
 * `web-contents-created` and `browser-window-created`; a destroyed window throws as Electron's
 * does ("Object has been destroyed"); the last window closed (not by a quit) ends in
 * `window-all-closed`.
 */
import { EventEmitter } from 'node:events'
import { destroyedError, electronEvent } from './stand-in-events'
import { StandInWebContents, type ProcessParts } from './stand-in-web-contents'

/** The process the windows of this module belong to (one per evaluation, as Electron's). */
let proc: ProcessParts
export const bindProcess = (parts: ProcessParts): void => {
  proc = parts
}

export class StandInBrowserWindow
  extends EventEmitter
  implements
    Pick<
      Electron.BrowserWindow,
      | 'id'
      | 'isDestroyed'
      | 'isMinimized'
      | 'minimize'
      | 'restore'
      | 'show'
      | 'focus'
      | 'isFocused'
      | 'isVisible'
      | 'maximize'
      | 'isMaximized'
      | 'close'
      | 'destroy'
      | 'getBounds'
      | 'getNormalBounds'
      | 'setBounds'
      | 'setProgressBar'
      | 'loadURL'
    >
{
  static getAllWindows(): StandInBrowserWindow[] {
    return [...proc.windows] as StandInBrowserWindow[]
  }

  static fromWebContents(contents: unknown): StandInBrowserWindow | null {
    return (
      StandInBrowserWindow.getAllWindows().find((window) => window.contents === contents) ?? null
    )
  }

  readonly id: number
  /** What the window was made with, for tests to read (webPreferences above all). */
  readonly options: Electron.BrowserWindowConstructorOptions
  readonly progress: number[] = []
  private readonly contents: StandInWebContents
  private bounds: Electron.Rectangle
  private minimized = false
  private maximized = false
  private visible: boolean
  private focused = false
  private destroyed = false

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super()
    if (!proc.app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready')
    this.id = proc.nextId()
    this.options = options
    this.visible = options.show !== false
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    }
    this.contents = new StandInWebContents(proc, options.webPreferences ?? {}, this)
    proc.windows.add(this)
    proc.app.emit('web-contents-created', electronEvent(), this.contents)
    proc.app.emit('browser-window-created', electronEvent(), this)
  }

  get webContents(): StandInWebContents {
    this.check()
    return this.contents
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  isMinimized(): boolean {
    return this.check().minimized
  }

  minimize(): void {
    this.check().minimized = true
    this.focused = false
    this.emit('minimize', electronEvent())
  }

  restore(): void {
    this.check().minimized = false
    this.emit('restore', electronEvent())
  }

  show(): void {
    this.check().visible = true
    this.minimized = false
    this.emit('show', electronEvent())
  }

  focus(): void {
    for (const other of proc.windows) (other as StandInBrowserWindow).focused = false
    this.check().focused = true
    this.emit('focus', electronEvent())
  }

  isFocused(): boolean {
    return this.check().focused
  }

  isVisible(): boolean {
    return this.check().visible
  }

  maximize(): void {
    this.check().maximized = true
    this.emit('maximize', electronEvent())
  }

  isMaximized(): boolean {
    return this.check().maximized
  }

  getBounds(): Electron.Rectangle {
    return { ...this.check().bounds }
  }

  getNormalBounds(): Electron.Rectangle {
    return this.getBounds()
  }

  setBounds(bounds: Partial<Electron.Rectangle>): void {
    this.check().bounds = { ...this.bounds, ...bounds }
    this.emit('resize', electronEvent())
    this.emit('move', electronEvent())
  }

  setProgressBar(progress: number, _options?: Electron.ProgressBarOptions): void {
    this.check().progress.push(progress)
  }

  loadURL(url: string, options?: Electron.LoadURLOptions): Promise<void> {
    return this.check().contents.loadURL(url, options)
  }

  /** Documented: `close` first (preventable), then the window goes and `closed` follows. */
  close(): void {
    if (this.destroyed) return
    const event = electronEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }

  /** Documented: no `close` event, but `closed` is guaranteed. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.contents.destroy()
    proc.windows.delete(this)
    this.emit('closed')
    if (proc.windows.size === 0) proc.app.allWindowsClosed()
  }

  private check(): this {
    if (this.destroyed) throw destroyedError()
    return this
  }
}
