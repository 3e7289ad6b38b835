/** The app's version, injected at build time (esbuild `define`); "dev" when run from source. */
declare const __APP_VERSION__: string | undefined

export const appVersion: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev'
