import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { appRequestFile } from './app-request'

const root = '/opt/dss/dist/renderer'

describe('app:// requests', () => {
  it('serves index.html for the root and the files below the renderer folder', () => {
    expect(appRequestFile('app://dss-explorer/', root)).toEqual({
      file: '/opt/dss/dist/renderer/index.html',
      contentType: 'text/html; charset=utf-8',
    })
    expect(appRequestFile('app://dss-explorer/assets/index-x1.js', root)).toEqual({
      file: '/opt/dss/dist/renderer/assets/index-x1.js',
      contentType: 'text/javascript; charset=utf-8',
    })
    expect(appRequestFile('app://dss-explorer/favicon.svg?v=1#top', root)?.file).toBe(
      '/opt/dss/dist/renderer/favicon.svg',
    )
    expect(appRequestFile('app://dss-explorer/a%20b.css', root)?.file).toBe(
      '/opt/dss/dist/renderer/a b.css',
    )
  })

  it.each([
    ['an encoded slash', 'app://dss-explorer/..%2f..%2fetc%2fpasswd'],
    ['an encoded backslash', 'app://dss-explorer/..%5c..%5cetc'],
    ['an encoded NUL', 'app://dss-explorer/index.html%00.png'],
    ['a malformed escape', 'app://dss-explorer/%E0%A4%A'],
    ['an empty segment', 'app://dss-explorer/assets//x.js'],
    ['a folder', 'app://dss-explorer/assets/'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://dss-explorer:99/index.html'],
    ['another scheme', 'file:///opt/dss/dist/renderer/index.html'],
    ['no URL at all', '../index.html'],
  ])('refuses %s', (_, url) => {
    expect(appRequestFile(url, root)).toBeNull()
  })

  it('reads an encoded .. as the URL parser does (as a dot segment) and stays in the folder', () => {
    expect(appRequestFile('app://dss-explorer/%2e%2e/%2E%2e/etc/passwd', root)?.file).toBe(
      '/opt/dss/dist/renderer/etc/passwd',
    )
    expect(appRequestFile('app://dss-explorer/assets/../../../index.html', root)?.file).toBe(
      '/opt/dss/dist/renderer/index.html',
    )
  })

  it('never leaves the folder with Windows separators or drive letters', () => {
    const windowsRoot = 'C:\\dss\\renderer'
    expect(appRequestFile('app://dss-explorer/assets/x.js', windowsRoot, path.win32)?.file).toBe(
      'C:\\dss\\renderer\\assets\\x.js',
    )
    expect(appRequestFile('app://dss-explorer/..%5cwin.ini', windowsRoot, path.win32)).toBeNull()
    expect(appRequestFile('app://dss-explorer/C:%5cwin.ini', windowsRoot, path.win32)).toBeNull()
  })
})
