/**
 * Opens a file (or the web shell's URL) in the system's default app, outside Electron (which uses
 * shell.openPath): the platform's own opener, started detached so the core never waits for the
 * app to close.
 */
import { spawn } from 'node:child_process'
import { CodedError } from '../../../shared/errors'

export type OpenFile = (file: string) => Promise<void>

/** The command that opens `file` with its default app on `platform`. */
export const osOpenCommand = (
  platform: NodeJS.Platform,
  file: string,
): { readonly command: string; readonly args: readonly string[] } => {
  if (platform === 'darwin') return { command: 'open', args: [file] }
  // `start` is a cmd built-in; its first quoted argument is the window title, so give it one.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', file] }
  return { command: 'xdg-open', args: [file] }
}

export const openWithOs =
  (platform: NodeJS.Platform = process.platform): OpenFile =>
  (file) =>
    new Promise((resolve, reject) => {
      const { command, args } = osOpenCommand(platform, file)
      const child = spawn(command, [...args], {
        detached: true,
        stdio: 'ignore',
        windowsHide: true,
      })
      child.once('error', () =>
        reject(
          new CodedError(
            'OPEN_FAILED',
            `This computer has no program to open files with (${command} is missing), so the file could not be opened.`,
          ),
        ),
      )
      child.once('spawn', () => {
        child.unref()
        resolve()
      })
    })
