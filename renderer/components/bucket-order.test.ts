import { describe, expect, it } from 'vitest'
import type { BucketSummary } from '../../shared/accounts'
import {
  moveBucketFocus,
  nextOrder,
  noBucketSelection,
  selectBucket,
  sortBuckets,
} from './bucket-order'

const buckets: BucketSummary[] = [
  { name: 'beta', createdAt: '2026-03-01T00:00:00.000Z' },
  { name: 'alpha', createdAt: '2026-05-01T00:00:00.000Z' },
  { name: 'gamma', createdAt: null },
  { name: 'delta', createdAt: '2026-01-01T00:00:00.000Z' },
]
const names = (list: readonly BucketSummary[]) => list.map((bucket) => bucket.name)

describe('bucket order', () => {
  it('sorts by name or by creation date, either way, undated buckets last', () => {
    expect(names(sortBuckets(buckets, { column: 'name', descending: false }))).toEqual([
      'alpha',
      'beta',
      'delta',
      'gamma',
    ])
    expect(names(sortBuckets(buckets, { column: 'name', descending: true }))).toEqual([
      'gamma',
      'delta',
      'beta',
      'alpha',
    ])
    expect(names(sortBuckets(buckets, { column: 'created', descending: false }))).toEqual([
      'delta',
      'beta',
      'alpha',
      'gamma',
    ])
    expect(names(sortBuckets(buckets, { column: 'created', descending: true }))).toEqual([
      'alpha',
      'beta',
      'delta',
      'gamma',
    ])
  })

  it('a click on a title sorts by it, a second click flips it', () => {
    const byName = { column: 'name', descending: false } as const
    expect(nextOrder(byName, 'created')).toEqual({ column: 'created', descending: false })
    expect(nextOrder(byName, 'name')).toEqual({ column: 'name', descending: true })
  })
})

describe('bucket selection', () => {
  const order = ['alpha', 'beta', 'delta', 'gamma']

  it('click replaces, Ctrl-click toggles, Shift-click selects the range from the anchor', () => {
    const one = selectBucket(noBucketSelection, order, 'beta', 'replace')
    expect([...one.selected]).toEqual(['beta'])
    const two = selectBucket(one, order, 'gamma', 'toggle')
    expect([...two.selected].sort()).toEqual(['beta', 'gamma'])
    expect([...selectBucket(two, order, 'gamma', 'toggle').selected]).toEqual(['beta'])
    const ranged = selectBucket(one, order, 'gamma', 'range')
    expect([...ranged.selected]).toEqual(['beta', 'delta', 'gamma'])
    expect(ranged.anchor).toBe('beta')
  })

  it('arrows move the focus and the selection, Shift+arrows extend it, within the list', () => {
    const first = moveBucketFocus(noBucketSelection, order, 1, false)
    expect(first.focus).toBe('alpha')
    const down = moveBucketFocus(first, order, 1, false)
    expect([...down.selected]).toEqual(['beta'])
    const extended = moveBucketFocus(down, order, 1, true)
    expect([...extended.selected]).toEqual(['beta', 'delta'])
    expect(moveBucketFocus(extended, order, Infinity, false).focus).toBe('gamma')
    expect(moveBucketFocus(first, order, -5, false).focus).toBe('alpha')
  })
})
