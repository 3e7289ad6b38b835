/**
 * Edit in place under Electron: shell.openPath answers with an error message ('' on success)
 * rather than failing, so this turns its answer into the core's OpenFile, which fails plainly.
 */
import { CodedError } from '../../../shared/errors'
import type { OpenFile } from '../../core/edits/open-with-os'

export const openFileWith =
  (openPath: (file: string) => Promise<string>): OpenFile =>
  async (file) => {
    const problem = await openPath(file)
    if (problem) {
      throw new CodedError(
        'OPEN_FAILED',
        `The file could not be opened in an app: ${problem.replace(/\.?$/, '.')}`,
      )
    }
  }
