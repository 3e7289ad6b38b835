/**
 * The preload: exposes one object, `window.dss`, mirroring the contract (invoke a command, subscribe
 * to an event). Nothing else of Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { DssApi, EventName, EventPayload } from '../../shared/contract'
import {
  CHOOSE_FOLDER_CHANNEL,
  DRAG_CHANNEL,
  DRAG_PREPARE_CHANNEL,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
} from './channels'

const api: DssApi = {
  // Names and requests are validated in main by the handler wrapper; the preload stays tiny
  // (a sandboxed preload is one bundled file loaded with every window).
  invoke: (name, request) => ipcRenderer.invoke(INVOKE_CHANNEL, name, request),
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) {
    const forward = (_event: IpcRendererEvent, eventName: unknown, payload: unknown): void => {
      if (eventName === name) listener(payload as EventPayload<E>)
    }
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward)
    }
  },
  // Only a real File can be turned into a path; anything else from the page gets ''.
  pathForFile: (file) => (file instanceof File ? webUtils.getPathForFile(file) : ''),
  // Both checked in main like a command; nothing comes back but the drag itself (or a notice).
  prepareDrag: (request) => ipcRenderer.send(DRAG_PREPARE_CHANNEL, request),
  startDrag: (request) => ipcRenderer.send(DRAG_CHANNEL, request),
  // The request is checked in main (policy/folder-dialog.ts); the answer is a path the user chose.
  chooseFolder: (request) => ipcRenderer.invoke(CHOOSE_FOLDER_CHANNEL, request),
}

contextBridge.exposeInMainWorld('dss', api)
