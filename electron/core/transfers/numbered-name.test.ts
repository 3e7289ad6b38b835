import { describe, expect, it } from 'vitest'
import { contentTypeFor } from '../../../shared/content-types'
import { firstFreeName, numberedName } from './numbered-name'

describe('numberedName', () => {
  it.each([
    ['photo.jpg', 1, 'photo (1).jpg'],
    ['photo.jpg', 12, 'photo (12).jpg'],
    ['README', 1, 'README (1)'],
    ['.bashrc', 1, '.bashrc (1)'],
    ['backup.tar.gz', 1, 'backup (1).tar.gz'],
    ['a.b.c', 2, 'a.b (2).c'],
    ['folder/sub/report.pdf', 1, 'folder/sub/report (1).pdf'],
    ['folder.d/file', 1, 'folder.d/file (1)'],
  ])('%j #%i → %j', (name, n, expected) => {
    expect(numberedName(name, n)).toBe(expected)
  })

  it('finds the first free name', async () => {
    const taken = new Set(['a.txt', 'a (1).txt', 'a (2).txt'])
    expect(await firstFreeName('a.txt', (name) => taken.has(name))).toBe('a (3).txt')
    expect(await firstFreeName('b.txt', (name) => taken.has(name))).toBe('b.txt')
  })
})

describe('contentTypeFor', () => {
  it.each([
    ['photos/a.JPG', 'image/jpeg'],
    ['doc.pdf', 'application/pdf'],
    ['notes.txt', 'text/plain; charset=utf-8'],
    ['archive.tar.gz', 'application/gzip'],
    ['Makefile', 'application/octet-stream'],
    ['.env', 'application/octet-stream'],
    ['weird.unknownext', 'application/octet-stream'],
    ['dir.v2/file', 'application/octet-stream'],
  ])('%j → %j', (name, type) => {
    expect(contentTypeFor(name)).toBe(type)
  })
})
