/**
 * The renderer side of the stand-in: one page (document) of a web contents, its main world, and
 * per frame what `require('electron')` gives a sandboxed preload — ipcRenderer, contextBridge,
 * webUtils. The preload runs in a node:vm context that offers only that require; contextBridge
 * copies what it exposes into the page's world as Electron documents (values copied, functions
 * proxied, promises forwarded; DOM objects such as File passed as they are).
 */
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import vm from 'node:vm'
import { StandInFrame, type ProcessParts, type StandInWebContents } from './stand-in-web-contents'

/** What `require('electron')` gives code in a renderer frame. */
export type RendererElectron = ReturnType<typeof createRendererElectron>

/** Whether `value` is a plain object of any realm (the preload's vm context has its own). */
const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === null || Object.getPrototypeOf(prototype) === null
}

const bridge = (value: unknown): unknown => {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown
    return (...args: unknown[]) => bridge(fn(...args.map(bridge)))
  }
  if (value === null || typeof value !== 'object') return value
  if (typeof (value as { then?: unknown }).then === 'function') {
    return Promise.resolve(value).then(bridge, (error: unknown) => Promise.reject(bridge(error)))
  }
  if (Object.prototype.toString.call(value) === '[object Error]') {
    return new Error((value as Error).message)
  }
  if (value instanceof Blob) return value
  if (Array.isArray(value)) return value.map(bridge)
  if (!isPlainObject(value)) return structuredClone(value)
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bridge(item)]))
}

const createRendererElectron = (page: StandInPage, frame: StandInFrame, proc: ProcessParts) => {
  const listeners = new EventEmitter()
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]): Promise<unknown> =>
      proc.ipcMain.invokeFrom(frame, channel, args),
    send: (channel: string, ...args: unknown[]): void =>
      proc.ipcMain.sendFrom(frame, channel, args, page.inDragStart),
    on(channel: string, listener: (event: Electron.IpcRendererEvent, ...args: unknown[]) => void) {
      listeners.on(channel, listener)
      return ipcRenderer
    },
    removeListener(
      channel: string,
      listener: (event: Electron.IpcRendererEvent, ...args: unknown[]) => void,
    ) {
      listeners.removeListener(channel, listener)
      return ipcRenderer
    },
    listenerCount: (channel: string): number => listeners.listenerCount(channel),
    /** main's webContents.send, arriving. */
    receive(channel: string, args: unknown[]): void {
      listeners.emit(channel, { sender: ipcRenderer, ports: [] }, ...args)
    },
  } satisfies Pick<Electron.IpcRenderer, 'invoke' | 'send'> & Record<string, unknown>

  const contextBridge = {
    exposeInMainWorld(apiKey: string, api: unknown): void {
      if (page.contents.webPreferences.contextIsolation === false) {
        throw new Error('contextBridge API can only be used when contextIsolation is enabled')
      }
      if (apiKey in page.world) {
        throw new Error('Cannot bind an API on top of an existing property on the window object')
      }
      page.world[apiKey] = bridge(api)
    },
  } satisfies Pick<Electron.ContextBridge, 'exposeInMainWorld'>

  const webUtils = {
    /** Documented: throws for a non-File; '' for a File made in JS rather than read from disk. */
    getPathForFile(file: File): string {
      if (!(file instanceof File)) throw new TypeError('getPathForFile expects a File')
      return proc.filePaths.get(file) ?? ''
    },
  } satisfies Pick<Electron.WebUtils, 'getPathForFile'>

  return { ipcRenderer, contextBridge, webUtils }
}

export class StandInPage {
  /** The page's own global scope (its main world): all that a preload exposes lands here. */
  readonly world: Record<string, unknown> = {}
  inDragStart = false
  private readonly renderers = new Map<StandInFrame, RendererElectron>()

  constructor(
    readonly contents: StandInWebContents,
    readonly frame: StandInFrame,
    private readonly proc: ProcessParts,
  ) {}

  /** What `require('electron')` gives a frame of this page (raw IPC, as a compromised page has it). */
  electronIn(frame: StandInFrame = this.frame): RendererElectron {
    let found = this.renderers.get(frame)
    if (!found) {
      found = createRendererElectron(this, frame, this.proc)
      this.renderers.set(frame, found)
    }
    return found
  }

  /** An iframe of this page, loaded from `url`. */
  addChildFrame(url: string): StandInFrame {
    return new StandInFrame(this.contents, this.frame, url, this.proc.protocol, this.proc.nextId())
  }

  /** The page's dragstart handler: what it sends while it runs is marked as sent from it. */
  dragStart(handler: () => void): void {
    this.inDragStart = true
    try {
      handler()
    } finally {
      this.inDragStart = false
    }
  }

  /** main's `webContents.send`: to the main frame only. */
  deliver(channel: string, args: unknown[]): void {
    if (!this.frame.isDestroyed()) this.electronIn().ipcRenderer.receive(channel, args)
  }

  /**
   * Runs the preload before the page, as Electron does. Sandboxed (Electron's default), it gets a
   * require that knows only 'electron'; unsandboxed, Node's own.
   */
  runPreload(preferences: Electron.WebPreferences): void {
    const file = preferences.preload
    if (!file) return
    const electron = this.electronIn()
    const nodeRequire = createRequire(file)
    const require = (id: string): unknown => {
      if (id === 'electron') return electron
      if (preferences.sandbox === false) return nodeRequire(id)
      throw new Error(`module not found: ${id}`)
    }
    const context = vm.createContext({ console, File, Blob, URL, setTimeout, clearTimeout })
    const module = { exports: {} }
    const run = vm.compileFunction(readFileSync(file, 'utf8'), ['exports', 'require', 'module'], {
      parsingContext: context,
      filename: file,
    })
    run(module.exports, require, module)
  }
}
