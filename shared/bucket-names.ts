/** S3 bucket naming rules (DSS.md §2), checked before any request is made. */

const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/

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
  return null
}
