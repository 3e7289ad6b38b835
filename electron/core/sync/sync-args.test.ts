import { describe, expect, it } from 'vitest'
import { answerWithoutRun, EXIT, parseSyncArgs, SYNC_USAGE } from './sync-args'

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

describe('what a sync entry answers before starting a core', () => {
  const answer = (args: readonly string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = answerWithoutRun(parseSyncArgs(args), {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    })
    return { code, out, err }
  }

  it('prints the usage for --help, exit 0', () => {
    expect(answer(['--help'])).toEqual({ code: EXIT.done, out: [SYNC_USAGE], err: [] })
  })

  it('says what is wrong, then the usage, for bad usage, exit 64', () => {
    expect(answer(['--nope'])).toEqual({
      code: EXIT.usage,
      out: [],
      err: [`Unknown option --nope.\n${SYNC_USAGE}`],
    })
  })

  it('answers nothing when there is a pair to run', () => {
    expect(answer(['Photos'])).toEqual({ code: null, out: [], err: [] })
  })
})
