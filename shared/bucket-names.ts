/**
 * S3 bucket naming rules (general purpose buckets, as AWS documents them), checked before any
 * request is made: the character rules of DSS.md §2 plus the prefixes and suffixes S3 reserves.
 */

const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/

/** Prefixes S3 keeps for itself: punycode names, its own and its documentation's buckets. */
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'] as const

/** Suffixes that name access-point aliases, Object Lambda, directory and table buckets. */
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'] as const

/** Why a bucket name is invalid, in plain words, or null when it is valid. */
export const bucketNameProblem = (name: string): string | null => {
  if (name.length < 3) return 'A bucket name needs at least 3 characters.'
  if (name.length > 63) return 'A bucket name can have at most 63 characters.'
  if (/[A-Z]/.test(name)) return 'A bucket name cannot contain capital letters.'
  const bad = /[^a-z0-9.-]/.exec(name)
  if (bad)
    return `A bucket name cannot contain "${bad[0]}": use lowercase letters, digits, "-" and ".".`
  if (!/^[a-z0-9]/.test(name)) return 'A bucket name must start with a letter or digit.'
  if (!/[a-z0-9]$/.test(name)) return 'A bucket name must end with a letter or digit.'
  if (name.includes('..')) return 'A bucket name cannot contain two dots in a row.'
  if (IP_ADDRESS.test(name)) return 'A bucket name cannot look like an IP address.'
  const prefix = RESERVED_PREFIXES.find((reserved) => name.startsWith(reserved))
  if (prefix) return `A bucket name cannot start with "${prefix}": S3 keeps that for itself.`
  const suffix = RESERVED_SUFFIXES.find((reserved) => name.endsWith(reserved))
  if (suffix) return `A bucket name cannot end with "${suffix}": S3 keeps that for itself.`
  return null
}
