/** The two IPC channels that carry the whole contract between main and preload. */
export const INVOKE_CHANNEL = 'dss:invoke'
export const EVENT_CHANNEL = 'dss:event'
/** The renderer's origin: a privileged custom scheme, so file:// is never used. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'dss-explorer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
