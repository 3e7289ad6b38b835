import { describe, expect, it } from 'vitest'
import { metadataProblem, sameMetadata } from './metadata-rows'

const row = (id: number, key: string, value: string) => ({ id, key, value })

describe('metadata rows', () => {
  it('a row just added and still empty is no mistake, and no change', () => {
    const rows = [row(0, 'owner', 'ana'), row(1, '', '')]
    expect(metadataProblem(rows)).toBeNull()
    expect(sameMetadata(rows, { owner: 'ana' })).toBe(true)
  })

  it('a value without a key, a bad key or a key twice is said', () => {
    expect(metadataProblem([row(0, '', 'ana')])).toBe('Every metadata entry needs a key.')
    expect(metadataProblem([row(0, 'a b', 'x')])).toMatch(/cannot be a metadata key/)
    expect(metadataProblem([row(0, 'Owner', 'x'), row(1, 'owner', 'y')])).toMatch(/twice/)
  })
})
