import { describe, expect, it } from 'vitest'
import { osOpenCommand } from './open-with-os'

describe('opening a file with the system’s default app', () => {
  it('uses each platform’s own opener, the file as one argument', () => {
    const file = '/tmp/a b/c & d.txt'
    expect(osOpenCommand('linux', file)).toEqual({ command: 'xdg-open', args: [file] })
    expect(osOpenCommand('darwin', file)).toEqual({ command: 'open', args: [file] })
    // start's first quoted argument is a window title: an empty one keeps the file as the file.
    expect(osOpenCommand('win32', file)).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', file],
    })
  })
})
