/**
 * The stand-in's `app`: launching, the single-instance lock, paths and quitting. Quitting follows
 * Electron's documentation: `app.quit()` emits `before-quit` (preventable), closes every window
 * (each `close` preventable; `window-all-closed` is not emitted then), emits `will-quit` —
 * "calling event.preventDefault() will prevent the default behavior, which is terminating the
 * application" — and then `quit`, and the process ends. `app.exit()` ends it at once, without
 * `before-quit` or `will-quit`.
 */
import { EventEmitter } from 'node:events'
import { electronEvent } from './stand-in-events'
import { StandInNativeImage, ONE_PIXEL_PNG } from './stand-in-native-image'

/** What outlives one process: the OS, which holds the single-instance lock. */
type Machine = { lockHolder: StandInApp | null }
const MACHINE = Symbol.for('dss-explorer.electron-stand-in.machine')
const machine = ((globalThis as Record<symbol, unknown>)[MACHINE] ??= {
  lockHolder: null,
}) as Machine

type PathName = Parameters<Electron.App['getPath']>[0]

/** What the process needs from the windows when it quits. */
export type WindowsOfProcess = {
  all(): readonly { close(): void; destroy(): void; isDestroyed(): boolean }[]
}

export class StandInApp
  extends EventEmitter
  implements
    Pick<
      Electron.App,
      | 'requestSingleInstanceLock'
      | 'hasSingleInstanceLock'
      | 'releaseSingleInstanceLock'
      | 'quit'
      | 'exit'
      | 'whenReady'
      | 'isReady'
      | 'getPath'
      | 'setPath'
      | 'getName'
      | 'getVersion'
    >
{
  readonly paths = new Map<string, string>()
  /** The file-type icon `getFileIcon` gives: empty, as on a Linux desktop without an icon theme. */
  fileIcon: 'empty' | 'pixel' = 'empty'
  argv: readonly string[] = ['electron', '.']
  exitCode: number | null = null
  /** True from `before-quit` passing until the quit is stopped or done. */
  quitting = false
  private ready = false
  private readonly readyPromise: Promise<void>
  private markReady: () => void = () => undefined
  private readonly exitHooks: ((code: number) => void)[] = []
  readonly exited: Promise<number>

  constructor(private readonly windows: WindowsOfProcess) {
    super()
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve))
    this.exited = new Promise((resolve) => this.exitHooks.push(resolve))
  }

  /** Electron has finished launching (the test says when). */
  launch(): void {
    if (this.ready) return
    this.emit('will-finish-launching')
    this.ready = true
    this.emit('ready', electronEvent(), {})
    this.markReady()
  }

  whenReady(): Promise<void> {
    return this.readyPromise
  }

  isReady(): boolean {
    return this.ready
  }

  getName(): string {
    return 'dss-explorer'
  }

  getVersion(): string {
    return '0.0.0-stand-in'
  }

  getPath(name: PathName): string {
    const found = this.paths.get(name)
    if (!found) throw new Error(`Failed to get '${name}' path`)
    return found
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path)
  }

  /** The icon is a real PNG or an empty image; it never throws. */
  async getFileIcon(
    _path: string,
    _options?: Electron.FileIconOptions,
  ): Promise<StandInNativeImage> {
    return new StandInNativeImage(this.fileIcon === 'pixel' ? ONE_PIXEL_PNG : Buffer.alloc(0))
  }

  /**
   * The first instance holds the lock; a later one gets false, and the first hears
   * `second-instance` on its own loop, with the second's argv and working folder.
   */
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const holder = machine.lockHolder
    if (holder && holder !== this && holder.exitCode === null) {
      const argv = [...this.argv]
      setImmediate(() =>
        holder.emit('second-instance', electronEvent(), argv, process.cwd(), additionalData ?? {}),
      )
      return false
    }
    machine.lockHolder = this
    return true
  }

  hasSingleInstanceLock(): boolean {
    return machine.lockHolder === this
  }

  releaseSingleInstanceLock(): void {
    if (machine.lockHolder === this) machine.lockHolder = null
  }

  quit(): void {
    // Asynchronous in Electron too: app.quit() returns before anything closes.
    setImmediate(() => this.runQuit())
  }

  exit(exitCode = 0): void {
    for (const window of this.windows.all()) window.destroy()
    this.terminate(exitCode)
  }

  /** Runs when the process ends, before anything else can happen in it. */
  onExit(hook: (code: number) => void): void {
    this.exitHooks.unshift(hook)
  }

  /** All windows closed without a quit (the user closed the last one). */
  allWindowsClosed(): void {
    if (this.quitting || this.exitCode !== null) return
    // Documented default: with no listener, the app quits.
    if (this.listenerCount('window-all-closed') === 0) this.quit()
    else this.emit('window-all-closed', electronEvent())
  }

  private runQuit(): void {
    if (this.exitCode !== null) return
    const beforeQuit = electronEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    this.quitting = true
    for (const window of this.windows.all()) window.close()
    if (this.windows.all().some((window) => !window.isDestroyed())) {
      this.quitting = false
      return
    }
    const willQuit = electronEvent()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) {
      this.quitting = false
      return
    }
    this.emit('quit', electronEvent(), 0)
    this.terminate(0)
  }

  private terminate(code: number): void {
    if (this.exitCode !== null) return
    this.exitCode = code
    this.releaseSingleInstanceLock()
    for (const hook of this.exitHooks) hook(code)
  }
}
