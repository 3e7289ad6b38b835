import { describe, expect, it } from 'vitest'
import { isPermissionGranted } from './permissions'

describe('web permissions', () => {
  it('lets our page write to the clipboard (asked by URL or by origin)', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://dss-explorer/index.html')).toBe(
      true,
    )
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://dss-explorer')).toBe(true)
  })

  it('refuses the clipboard to anyone else', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    expect(isPermissionGranted('clipboard-sanitized-write', 'null')).toBe(false)
  })

  it.each([
    'clipboard-read',
    'media',
    'notifications',
    'geolocation',
    'openExternal',
    'fileSystem',
  ])('refuses %s, even to our page', (permission) => {
    expect(isPermissionGranted(permission, 'app://dss-explorer/index.html')).toBe(false)
  })
})
