import { describe, expect, it } from 'vitest'
import { bucketNameProblem } from './bucket-names'

describe('bucket names', () => {
  it.each(['abc', 'my-bucket', 'my.bucket.2026', 'a'.repeat(63), '1bucket'])(
    'accepts %s',
    (name) => {
      expect(bucketNameProblem(name)).toBeNull()
    },
  )

  it.each([
    ['ab', /at least 3/],
    ['a'.repeat(64), /at most 63/],
    ['My-Bucket', /capital/],
    ['my_bucket', /"_"/],
    ['-bucket', /start/],
    ['bucket-', /end/],
    ['my..bucket', /two dots/],
    ['192.168.1.10', /IP address/],
    ['bücket', /"ü"/],
  ])('refuses %s', (name, reason) => {
    expect(bucketNameProblem(name)).toMatch(reason)
  })
})
