import { describe, expect, it } from 'vitest'
import { isAppUrl } from './app-url'
import { isTrustedFrame } from './trusted-frame'

describe('the trusted frame', () => {
  // The regression of issue 10: `new URL('app://dss-explorer/x').origin` is "null" in Node, so a
  // check on URL.origin refused every command the app's own window sent.
  it('trusts the app page at app://dss-explorer (URL.origin is "null" there, so it must not decide)', () => {
    expect(new URL('app://dss-explorer/index.html').origin).toBe('null')
    expect(isTrustedFrame({ url: 'app://dss-explorer/index.html', isTopFrame: true })).toBe(true)
    expect(isTrustedFrame({ url: 'app://dss-explorer/', isTopFrame: true })).toBe(true)
  })

  it('refuses a child frame, even one loaded from the app', () => {
    expect(isTrustedFrame({ url: 'app://dss-explorer/index.html', isTopFrame: false })).toBe(false)
  })

  it('refuses a frame that is gone', () => {
    expect(isTrustedFrame(null)).toBe(false)
  })

  it.each([
    'https://dss-explorer/index.html',
    'http://localhost:5190/',
    'file:///work/dist/renderer/index.html',
    'app://evil/index.html',
    'app://dss-explorer:8080/index.html',
    'app://dss-explorer.evil/index.html',
    'appx://dss-explorer/index.html',
    'about:blank',
    'data:text/html,<p>hi</p>',
    '',
    'not a url',
  ])('refuses a top frame at %j', (url) => {
    expect(isTrustedFrame({ url, isTopFrame: true })).toBe(false)
  })

  it('reads the scheme and host as a browser does (case, trailing path)', () => {
    expect(isAppUrl('APP://DSS-EXPLORER/assets/x.js')).toBe(true)
    expect(isAppUrl('app://dss-explorer')).toBe(true)
  })
})
