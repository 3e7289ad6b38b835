/** Command-line flags of the standalone test bed (cli.ts), parsed into TestBedOptions. */
import { parseArgs } from 'node:util'
import type { TestBedOptions } from './test-bed.js'

export const CLI_USAGE =
  'usage: node --import tsx e2e/testbed/cli.ts [--rate 100] [--burst N] [--error-rate 0..1] ' +
  '[--reset-rate 0..1] [--corrupt-rate 0..1] [--latency ms] [--bucket name]...'

const toNumber = (flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const number = Number(value)
  // Number('') is 0, which would silently switch a limit off.
  if (value.trim() === '' || Number.isNaN(number)) {
    throw new TypeError(`--${flag} needs a number, got "${value}"`)
  }
  return number
}

/** Throws a TypeError (or RangeError, from the emulator) on a bad flag; the CLI prints it. */
export const parseCliOptions = (args: readonly string[]): TestBedOptions => {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      rate: { type: 'string' },
      burst: { type: 'string' },
      'error-rate': { type: 'string' },
      'reset-rate': { type: 'string' },
      'corrupt-rate': { type: 'string' },
      latency: { type: 'string' },
      bucket: { type: 'string', multiple: true },
    },
  })
  return {
    rateLimit: toNumber('rate', values.rate),
    burst: toNumber('burst', values.burst),
    faults: {
      errorRate: toNumber('error-rate', values['error-rate']),
      resetRate: toNumber('reset-rate', values['reset-rate']),
      corruptRate: toNumber('corrupt-rate', values['corrupt-rate']),
      latencyMs: toNumber('latency', values.latency),
    },
    buckets: values.bucket ?? [],
  }
}
