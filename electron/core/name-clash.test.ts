import { describe, expect, it } from 'vitest'
import { settleName } from './name-clash'

const stored = new Set(['in/a.txt', 'in/a (1).txt', 'in/b.tar.gz'])
const taken = (name: string) => stored.has(name)

describe('settleName', () => {
  it('writes a free name whatever the policy', () => {
    for (const policy of ['overwrite', 'skip', 'keep-both'] as const) {
      expect(settleName('in/new.txt', policy, taken)).toBe('in/new.txt')
    }
  })

  it('replaces, skips, or numbers a taken name past names that are taken too', () => {
    expect(settleName('in/a.txt', 'overwrite', taken)).toBe('in/a.txt')
    expect(settleName('in/a.txt', 'skip', taken)).toBeNull()
    expect(settleName('in/a.txt', 'keep-both', taken)).toBe('in/a (2).txt')
    expect(settleName('in/b.tar.gz', 'keep-both', taken)).toBe('in/b (1).tar.gz')
  })
})
