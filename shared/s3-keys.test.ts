import { describe, expect, it } from 'vitest'
import {
  MAX_KEY_BYTES,
  baseName,
  compareKeys,
  folderNameProblem,
  isFolderKey,
  joinKey,
  keyByteLength,
  keyProblem,
  parentPrefix,
  prefixChain,
} from './s3-keys'

const nfc = 'caf\u00e9' // é as one code point
const nfd = 'cafe\u0301' // e + combining acute

describe('S3 key helpers', () => {
  it('joins prefixes and names without touching the name', () => {
    expect(joinKey('', 'a.txt')).toBe('a.txt')
    expect(joinKey('docs/', 'a.txt')).toBe('docs/a.txt')
    expect(joinKey('docs', 'a.txt')).toBe('docs/a.txt')
    expect(joinKey('docs/', '../x')).toBe('docs/../x')
    expect(joinKey('a b/', ' lead and trail ')).toBe('a b/ lead and trail ')
    expect(joinKey('p/', 'x+y#z?q&r%20s')).toBe('p/x+y#z?q&r%20s')
  })

  it('keeps NFC and NFD forms distinct, byte for byte', () => {
    expect(nfc).not.toBe(nfd)
    expect(keyByteLength(nfc)).toBe(5)
    expect(keyByteLength(nfd)).toBe(6)
    expect(joinKey(`${nfd}/`, nfc)).toBe(`${nfd}/${nfc}`)
    expect(baseName(`${nfc}/${nfd}`)).toBe(nfd)
    expect(parentPrefix(`${nfd}/${nfc}`)).toBe(`${nfd}/`)
  })

  it('finds parents and base names of keys and folders', () => {
    expect(parentPrefix('a/b/c.txt')).toBe('a/b/')
    expect(parentPrefix('a/b/')).toBe('a/')
    expect(parentPrefix('a')).toBe('')
    expect(parentPrefix('a/')).toBe('')
    expect(parentPrefix('../x')).toBe('../')
    expect(baseName('a/b/c.txt')).toBe('c.txt')
    expect(baseName('a/b/')).toBe('b')
    expect(baseName('q?&#+%.txt')).toBe('q?&#+%.txt')
    expect(baseName('dir/ spaced ')).toBe(' spaced ')
  })

  it('tells folders from objects', () => {
    expect(isFolderKey('a/')).toBe(true)
    expect(isFolderKey('a')).toBe(false)
    expect(isFolderKey('a/b')).toBe(false)
  })

  it('lists breadcrumbs of a prefix', () => {
    expect(prefixChain('')).toEqual([])
    expect(prefixChain('a/b/')).toEqual(['a/', 'a/b/'])
    expect(prefixChain('../x/')).toEqual(['../', '../x/'])
  })

  it('enforces the 1,024-byte limit in UTF-8 bytes, not characters', () => {
    expect(keyProblem('a'.repeat(MAX_KEY_BYTES))).toBeNull()
    expect(keyProblem('a'.repeat(MAX_KEY_BYTES + 1))).toMatch(/1025 bytes/)
    // 512 two-byte characters are 1,024 bytes; one more is over.
    expect(keyProblem('\u00e9'.repeat(512))).toBeNull()
    expect(keyProblem('\u00e9'.repeat(513))).toMatch(/1026 bytes/)
    // NFD spends more bytes on the same text: 170 × 6 = 1,020 fits, 171 × 6 = 1,026 does not.
    expect(keyProblem(nfd.repeat(170))).toBeNull()
    expect(keyProblem(nfd.repeat(171))).toMatch(/1026 bytes/)
    expect(keyProblem('')).toMatch(/empty/)
  })
})

describe('compareKeys', () => {
  it('orders keys by their UTF-8 bytes, as S3 lists them', () => {
    const keys = [
      'pua\uE000',
      'emoji\u{1F600}',
      'dir/file',
      'dir.',
      'dir!',
      'dir',
      'x\ty',
      'x\u0001y',
      'é',
      'z',
    ]
    expect([...keys].sort(compareKeys)).toEqual([
      'dir',
      'dir!',
      'dir.',
      'dir/file',
      'emoji\u{1F600}',
      'pua\uE000',
      'x\u0001y',
      'x\ty',
      'z',
      'é',
    ])
    // UTF-16 order differs where it matters: an astral character against U+E000.
    expect(['\u{1F600}', '\uE000'].sort()).toEqual(['\u{1F600}', '\uE000'])
    expect(['\u{1F600}', '\uE000'].sort(compareKeys)).toEqual(['\uE000', '\u{1F600}'])
    expect(compareKeys('same', 'same')).toBe(0)
  })
})

describe('folderNameProblem', () => {
  it.each(['photos', ' spaced ', 'a.b', '...', '.hidden', 'über'])('accepts %j', (name) => {
    expect(folderNameProblem(name)).toBeNull()
  })

  it.each([
    ['', /empty/],
    [' ', /only spaces/],
    ['  \t ', /only spaces/],
    ['\u00a0', /only spaces/],
    ['.', /cannot be named "\."/],
    ['..', /cannot be named "\.\."/],
    ['a/b', /"\/"/],
  ])('refuses %j', (name, reason) => {
    expect(folderNameProblem(name)).toMatch(reason)
  })
})
