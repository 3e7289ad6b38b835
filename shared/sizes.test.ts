import { describe, expect, it } from 'vitest'
import { formatBytes } from './sizes'

const KIB = 1024
const MIB = 1024 * KIB
const GIB = 1024 * MIB

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [512, '512 bytes'],
    [1023, '1,023 bytes'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [50 * MIB, '50 MiB'],
    [5.5 * MIB, '5.5 MiB'],
    [MIB - 1, '1 MiB'],
    [12 * GIB, '12 GiB'],
    [5 * 1024 * GIB, '5 TiB'],
  ])('writes %d bytes as %s (binary units, labelled binary)', (bytes, text) => {
    expect(formatBytes(bytes).replace(/\u00a0/g, ' ')).toBe(text)
  })
})
