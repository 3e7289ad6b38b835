/** The IPC channels that carry the whole contract between main and preload. */
export const INVOKE_CHANNEL = 'dss:invoke'
export const EVENT_CHANNEL = 'dss:event'
/** One-way: the selection changed, so main fetches what may be dragged out (see drag-out.ts). */
export const DRAG_PREPARE_CHANNEL = 'dss:drag-prepare'
/** One-way, sent from the page's dragstart: main starts the OS drag at once (see drag-out.ts). */
export const DRAG_CHANNEL = 'dss:drag-out'
/** Invoke: opens the OS folder dialog and answers the chosen folder or null (policy/folder-dialog.ts). */
export const CHOOSE_FOLDER_CHANNEL = 'dss:choose-folder'
/** The renderer's origin: a privileged custom scheme, so file:// is never used. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'dss-explorer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
