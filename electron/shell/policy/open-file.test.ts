import { describe, expect, it } from 'vitest'
import { CodedError } from '../../../shared/errors'
import { openFileWith } from './open-file'

describe('opening a file for editing with shell.openPath', () => {
  it('succeeds when openPath answers with no message', async () => {
    const opened: string[] = []
    await openFileWith(async (file) => {
      opened.push(file)
      return ''
    })('/tmp/x/note.txt')
    expect(opened).toEqual(['/tmp/x/note.txt'])
  })

  it('fails with OPEN_FAILED and the OS’s reason when it answers with one', async () => {
    const failure = await openFileWith(async () => 'No application is associated with this file')(
      '/tmp/x/a.unknown',
    ).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(CodedError)
    expect(failure).toMatchObject({
      code: 'OPEN_FAILED',
      message:
        'The file could not be opened in an app: No application is associated with this file.',
    })
  })
})
