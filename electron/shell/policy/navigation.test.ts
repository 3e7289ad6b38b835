import { describe, expect, it } from 'vitest'
import { decideNavigation, decideWindowOpen, isExternalLink } from './navigation'

describe('navigation', () => {
  it('stays within the app (an app:// URL has the origin "null" in Node: host and scheme decide)', () => {
    expect(decideNavigation('app://dss-explorer/index.html')).toEqual({
      allow: true,
      openExternally: false,
    })
  })

  it('sends http(s) links to the browser instead of navigating', () => {
    expect(decideNavigation('https://docs.oortech.com/')).toEqual({
      allow: false,
      openExternally: true,
    })
    expect(decideNavigation('http://example.com/')).toEqual({ allow: false, openExternally: true })
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'app://other-host/index.html',
    'smb://server/share',
    'not a url',
  ])('goes nowhere for %j', (url) => {
    expect(decideNavigation(url)).toEqual({ allow: false, openExternally: false })
  })
})

describe('window.open and target=_blank', () => {
  it('never opens a window, even of the app, and opens web links in the browser', () => {
    expect(decideWindowOpen('app://dss-explorer/index.html')).toEqual({
      allow: false,
      openExternally: false,
    })
    expect(decideWindowOpen('https://example.com/a?b')).toEqual({
      allow: false,
      openExternally: true,
    })
    expect(decideWindowOpen('file:///tmp/x')).toEqual({ allow: false, openExternally: false })
  })

  it('takes only http and https as external links', () => {
    expect(isExternalLink('https://x.example')).toBe(true)
    expect(isExternalLink('mailto:a@b.c')).toBe(false)
    expect(isExternalLink('ftp://x.example/')).toBe(false)
  })
})
