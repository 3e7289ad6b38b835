/**
 * The stand-in's `ipcMain`, paired with each frame's `ipcRenderer` (stand-in-renderer.ts).
 * Arguments cross as Electron sends them, by the structured clone algorithm (a function throws);
 * messages arrive asynchronously, since they cross processes; each event names its sender and
 * `senderFrame`, which is what the shell's trust check reads.
 */
import { EventEmitter } from 'node:events'
import type { StandInFrame } from './stand-in-web-contents'

type InvokeListener = Parameters<Electron.IpcMain['handle']>[1]

const eventFrom = (frame: StandInFrame) => ({
  type: 'frame' as const,
  sender: frame.contents,
  // Electron gives null once the frame has navigated away or closed.
  senderFrame: frame.isDestroyed() ? null : frame,
  frameId: frame.routingId,
  processId: frame.processId,
})

export class StandInIpcMain
  extends EventEmitter
  implements Pick<Electron.IpcMain, 'handle' | 'handleOnce' | 'removeHandler'>
{
  private readonly handlers = new Map<string, InvokeListener>()

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    this.handlers.set(channel, listener)
  }

  handleOnce(channel: string, listener: InvokeListener): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel)
      return listener(event, ...args)
    })
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** A frame's `ipcRenderer.invoke`; the answer is cloned back, an error becomes Electron's. */
  async invokeFrom(frame: StandInFrame, channel: string, args: unknown[]): Promise<unknown> {
    const cloned = structuredClone(args)
    await new Promise((resolve) => setImmediate(resolve))
    const handler = this.handlers.get(channel)
    if (!handler) {
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      )
    }
    try {
      const event = eventFrom(frame) as unknown as Electron.IpcMainInvokeEvent
      return structuredClone(await handler(event, ...cloned))
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`)
    }
  }

  /**
   * A frame's `ipcRenderer.send`, delivered on a later turn. `duringDragStart` is true when the
   * page sent it from its dragstart handler: the contents then accepts `startDrag` while the
   * listeners run (see StandInWebContents.startDrag).
   */
  sendFrom(frame: StandInFrame, channel: string, args: unknown[], duringDragStart: boolean): void {
    const cloned = structuredClone(args)
    setImmediate(() => {
      if (frame.contents.isDestroyed()) return
      const event = { ...eventFrom(frame), returnValue: undefined, reply: () => undefined }
      frame.contents.runListeners(duringDragStart, () => this.emit(channel, event, ...cloned))
    })
  }
}
