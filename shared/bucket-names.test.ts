import { describe, expect, it } from 'vitest'
import { bucketNameProblem } from './bucket-names'

describe('bucket names', () => {
  it.each([
    'abc',
    'my-bucket',
    'my.bucket.2026',
    'a'.repeat(63),
    '1bucket',
    'xn-bucket',
    'three-bucket',
    's3alias-bucket',
    'bucket-s3-alias',
  ])('accepts %s', (name) => {
    expect(bucketNameProblem(name)).toBeNull()
  })

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
    ['xn--bcket-kva', /start with "xn--"/],
    ['sthree-bucket', /start with "sthree-"/],
    ['sthree-configurator', /start with "sthree-"/],
    ['amzn-s3-demo-bucket', /start with "amzn-s3-demo-"/],
    ['bucket-s3alias', /end with "-s3alias"/],
    ['bucket--ol-s3', /end with "--ol-s3"/],
    ['bucket.mrap', /end with ".mrap"/],
    ['bucket--x-s3', /end with "--x-s3"/],
    ['bucket--table-s3', /end with "--table-s3"/],
  ])('refuses %s', (name, reason) => {
    expect(bucketNameProblem(name)).toMatch(reason)
  })
})
