import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { insideFolder, localSegments, safeSegment } from './local-path'

describe('safeSegment', () => {
  it.each([
    ['plain.txt', 'plain.txt'],
    ['Überraschung ☃.txt', 'Überraschung ☃.txt'],
    [' leading space', ' leading space'],
    ['.hidden', '.hidden'],
    ['a:b', 'a_b'],
    ['C:', 'C_'],
    ['what?.txt', 'what_.txt'],
    ['star*', 'star_'],
    ['<tag>', '_tag_'],
    ['say "hi"', 'say _hi_'],
    ['pipe|d', 'pipe_d'],
    ['back\\slash', 'back_slash'],
    ['tab\there', 'tab_here'],
    ['nul\u0000byte', 'nul_byte'],
    ['bell\u0007', 'bell_'],
    ['del\u007f', 'del_'],
    ['.', '_'],
    ['..', '__'],
    ['...', '___'],
    ['trailing.', 'trailing_'],
    ['trailing ', 'trailing_'],
    ['dots and spaces. . ', 'dots and spaces____'],
    ['', '_'],
  ])('%j → %j', (segment, safe) => {
    expect(safeSegment(segment)).toBe(safe)
  })

  it.each([
    'CON',
    'con',
    'Con.txt',
    'PRN',
    'AUX.log',
    'NUL',
    'nul.tar.gz',
    'COM1',
    'com9.txt',
    'COM¹',
    'LPT1',
    'lpt9.doc',
    'CONIN$',
    'conout$.txt',
  ])('prefixes the Windows reserved name %j', (name) => {
    expect(safeSegment(name)).toBe(`_${name}`)
  })

  it.each(['CONSOLE', 'con-fig', 'COM10', 'LPT', 'nullable.txt', 'auxiliary'])(
    'leaves %j alone (not reserved)',
    (name) => {
      expect(safeSegment(name)).toBe(name)
    },
  )

  it('cuts names over 240 bytes of UTF-8, keeping the extension and whole characters', () => {
    const long = `${'é'.repeat(300)}.jpeg`
    const safe = safeSegment(long)
    expect(new TextEncoder().encode(safe).length).toBeLessThanOrEqual(240)
    expect(safe.endsWith('é.jpeg')).toBe(true)
    expect(safe).not.toContain('\uFFFD')
  })
})

describe('localSegments', () => {
  it.each([
    ['a/b/c.txt', ['a', 'b', 'c.txt']],
    ['../escape.txt', ['__', 'escape.txt']],
    ['a/../../b', ['a', '__', '__', 'b']],
    ['/etc/passwd', ['etc', 'passwd']],
    ['//double//slash', ['double', 'slash']],
    ['folder/', ['folder']],
    ['./here', ['_', 'here']],
    ['C:/Windows/System32', ['C_', 'Windows', 'System32']],
    ['C:\\Windows\\win.ini', ['C__Windows_win.ini']],
    ['\\\\server\\share', ['__server_share']],
    ['a/CON/b', ['a', '_CON', 'b']],
    ['/', ['_']],
    ['', ['_']],
  ])('%j → %j', (key, segments) => {
    expect(localSegments(key)).toEqual(segments)
  })

  it('never leaves the download folder, whatever the key', () => {
    const root = path.join(os.tmpdir(), 'downloads')
    const hostile = [
      '../../../../etc/passwd',
      '/absolute/path',
      '..\\..\\windows',
      'a/../../..',
      '....//....//x',
      '%2e%2e/%2e%2e/x',
      '\u0000/../x',
      '~/.ssh/authorized_keys',
    ]
    for (const key of hostile) {
      const target = insideFolder(root, localSegments(key))
      expect(target.startsWith(root + path.sep), key).toBe(true)
    }
  })

  it('insideFolder refuses segments that would climb out', () => {
    expect(() => insideFolder('/downloads', ['..', 'x'])).toThrow(/outside/)
    expect(() => insideFolder('/downloads', [])).toThrow(/outside/)
  })
})
