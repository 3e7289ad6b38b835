import { describe, expect, it } from 'vitest'
import { emptyTotals } from '../../store/transfers-slice'
import { percentOf, percentText, totalsText, transferMeta } from './transfer-format'

const MB = 1024 ** 2

const transfer = {
  name: 'big.bin',
  state: 'running' as const,
  bytesDone: 16 * MB,
  bytesTotal: 64 * MB,
  bytesPerSecond: 8 * MB,
  etaSeconds: 6,
}

describe('transfer text', () => {
  it('shows bytes, speed and time left while running, the size once done', () => {
    expect(transferMeta(transfer)).toBe('16 MB of 64 MB · 8 MB/s · about 6 s left')
    expect(transferMeta({ ...transfer, state: 'paused' })).toBe('16 MB of 64 MB')
    expect(transferMeta({ ...transfer, state: 'queued', bytesDone: 0 })).toBe('64 MB')
    expect(transferMeta({ ...transfer, bytesPerSecond: 0 })).toBe('16 MB of 64 MB')
    expect(transferMeta({ ...transfer, state: 'done', bytesDone: 64 * MB })).toBe('64 MB')
    expect(transferMeta({ ...transfer, bytesTotal: null, etaSeconds: null })).toBe(
      '16 MB so far · 8 MB/s',
    )
    expect(transferMeta({ ...transfer, name: 'empty/', bytesTotal: 0, bytesDone: 0 })).toBe(
      'Folder',
    )
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
        bytesDone: 10 * MB,
        bytesTotal: 40 * MB,
        bytesPerSecond: 2 * MB,
        etaSeconds: 15,
      }),
    ).toBe('2 of 4 done · 10 MB of 40 MB · 2 MB/s · about 15 s left')
    expect(totalsText({ ...emptyTotals, counts: { ...emptyTotals.counts, done: 1 } })).toBe(
      '1 of 1 done',
    )
  })
})
