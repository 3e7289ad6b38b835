import { describe, expect, it } from 'vitest'
import { emptyTotals } from '../../store/transfers-slice'
import { percentOf, percentText, totalsText, transferMeta } from './transfer-format'

const MiB = 1024 ** 2

const transfer = {
  name: 'big.bin',
  state: 'running' as const,
  bytesDone: 16 * MiB,
  bytesTotal: 64 * MiB,
  bytesPerSecond: 8 * MiB,
  etaSeconds: 6,
}

describe('transfer text', () => {
  it('shows bytes, speed and time left while running, the size once done', () => {
    expect(transferMeta(transfer)).toBe('16 MiB of 64 MiB · 8 MiB/s · about 6 s left')
    expect(transferMeta({ ...transfer, state: 'paused' })).toBe('16 MiB of 64 MiB')
    expect(transferMeta({ ...transfer, state: 'queued', bytesDone: 0 })).toBe('64 MiB')
    expect(transferMeta({ ...transfer, bytesPerSecond: 0 })).toBe('16 MiB of 64 MiB')
    expect(transferMeta({ ...transfer, state: 'done', bytesDone: 64 * MiB })).toBe('64 MiB')
    expect(transferMeta({ ...transfer, bytesTotal: null, etaSeconds: null })).toBe(
      '16 MiB so far · 8 MiB/s',
    )
    expect(transferMeta({ ...transfer, name: 'empty/', bytesTotal: 0, bytesDone: 0 })).toBe(
      'Folder',
    )
  })

  it('says "finishing…" once every byte has moved, not a speed and "under a second left"', () => {
    const moved = { ...transfer, bytesDone: 64 * MiB, etaSeconds: 0.2 }
    expect(transferMeta(moved)).toBe('64 MiB · finishing…')
    expect(
      totalsText({
        ...emptyTotals,
        counts: { ...emptyTotals.counts, running: 1 },
        bytesDone: 64 * MiB,
        bytesTotal: 64 * MiB,
        bytesPerSecond: 8 * MiB,
        etaSeconds: 0.2,
      }),
    ).toBe('0 of 1 done · 64 MiB of 64 MiB')
  })

  it('fills a done bar, and never says 100% before it is done', () => {
    expect(percentOf({ state: 'done', bytesDone: 0, bytesTotal: 0 })).toBe(100)
    expect(percentOf({ state: 'running', bytesDone: 0, bytesTotal: null })).toBe(0)
    expect(percentOf(transfer)).toBe(25)
    expect(percentText(99.99, false)).toBe('99%')
    expect(percentText(100, true)).toBe('100%')
  })

  it('sums up every transfer in the header', () => {
    expect(
      totalsText({
        ...emptyTotals,
        counts: { ...emptyTotals.counts, running: 1, queued: 1, done: 2, cancelled: 1 },
        bytesDone: 10 * MiB,
        bytesTotal: 40 * MiB,
        bytesPerSecond: 2 * MiB,
        etaSeconds: 15,
      }),
    ).toBe('2 of 4 done · 10 MiB of 40 MiB · 2 MiB/s · about 15 s left')
    expect(totalsText({ ...emptyTotals, counts: { ...emptyTotals.counts, done: 1 } })).toBe(
      '1 of 1 done',
    )
  })
})
