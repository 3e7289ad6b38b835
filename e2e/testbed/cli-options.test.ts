import { describe, expect, it } from 'vitest'
import { parseCliOptions } from './cli-options.js'

describe('test bed CLI options', () => {
  it('reads every flag, with repeated buckets', () => {
    const options = parseCliOptions([
      '--rate',
      '50',
      '--burst',
      '10',
      '--error-rate',
      '0.1',
      '--reset-rate',
      '0.2',
      '--corrupt-rate',
      '0.3',
      '--latency',
      '25',
      '--bucket',
      'a',
      '--bucket',
      'b',
    ])
    expect(options).toEqual({
      rateLimit: 50,
      burst: 10,
      faults: { errorRate: 0.1, resetRate: 0.2, corruptRate: 0.3, latencyMs: 25 },
      buckets: ['a', 'b'],
    })
  })

  it('leaves what is not given to the defaults', () => {
    expect(parseCliOptions([])).toEqual({
      rateLimit: undefined,
      burst: undefined,
      faults: {
        errorRate: undefined,
        resetRate: undefined,
        corruptRate: undefined,
        latencyMs: undefined,
      },
      buckets: [],
    })
  })

  it('refuses unknown flags and values that are not numbers', () => {
    expect(() => parseCliOptions(['--rates', '5'])).toThrow()
    expect(() => parseCliOptions(['--rate', 'fast'])).toThrow(/--rate needs a number/)
    expect(() => parseCliOptions(['--rate', ''])).toThrow(/--rate needs a number/)
    expect(() => parseCliOptions(['--corrupt-rate', 'some'])).toThrow(/--corrupt-rate needs/)
  })
})
