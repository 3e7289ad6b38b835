/** The two IPC channels that carry the whole contract between main and preload. */
export const INVOKE_CHANNEL = 'dss:invoke'
export const EVENT_CHANNEL = 'dss:event'
/** One-way: the page asks to drag an object out (see drag-out.ts). */
export const DRAG_CHANNEL = 'dss:drag-out'
/** The renderer's origin: a privileged custom scheme, so file:// is never used. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'dss-explorer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
