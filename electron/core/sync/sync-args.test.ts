import { describe, expect, it } from 'vitest'
import { parseSyncArgs } from './sync-args'

describe('the sync command line', () => {
  it('takes one pair, by name or id, and --yes to confirm deletes over the limits', () => {
    expect(parseSyncArgs(['Photos'])).toEqual({
      kind: 'run',
      pair: 'Photos',
      confirmDeletes: false,
    })
    expect(parseSyncArgs(['--yes', 'My photos'])).toEqual({
      kind: 'run',
      pair: 'My photos',
      confirmDeletes: true,
    })
    expect(parseSyncArgs(['--', '-odd name'])).toEqual({
      kind: 'run',
      pair: '-odd name',
      confirmDeletes: false,
    })
  })

  it('says what is wrong with bad usage', () => {
    expect(parseSyncArgs([])).toEqual({ kind: 'usage', message: 'Name the sync pair to run.' })
    expect(parseSyncArgs(['--force', 'a'])).toEqual({
      kind: 'usage',
      message: 'Unknown option --force.',
    })
    expect(parseSyncArgs(['My', 'photos'])).toMatchObject({
      kind: 'usage',
      message: expect.stringContaining('quote a name with spaces'),
    })
    expect(parseSyncArgs(['-h'])).toEqual({ kind: 'help' })
  })
})
