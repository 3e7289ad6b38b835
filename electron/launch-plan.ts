/** What `npm start` hands Electron: decided here, apart from the spawning, so it can be tested. */

/** The launcher's own flags, for the web shell; Electron never sees them. */
const WEB_SHELL_FLAGS = new Set(['--web', '--no-open'])
const WEB_SHELL_VALUE_FLAGS = new Set(['--port'])

/**
 * Electron is started on the app folder, not on a file: it then reads package.json (the app's
 * name, so its data folder and single-instance lock are the packaged app's, and the ESM main),
 * exactly as the packaged app does. The user's other arguments follow.
 */
export const electronArgs = (appRoot: string, args: readonly string[]): string[] => {
  const passed: string[] = []
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? ''
    if (WEB_SHELL_VALUE_FLAGS.has(arg)) index += 1
    else if (!WEB_SHELL_FLAGS.has(arg)) passed.push(arg)
  }
  return [appRoot, ...passed]
}
