import { describe, expect, it } from 'vitest'
import { linkReachWarning } from './link-reach'

const account = (endpoint: string, caFile: string | null = null) => ({
  endpoint,
  caFile,
  kind: 'custom' as const,
})

describe('who a share link can reach', () => {
  it('says nothing for a server with a publicly trusted certificate', () => {
    expect(linkReachWarning(account('https://s3.oortech.com'))).toBeNull()
    expect(linkReachWarning(null)).toBeNull()
  })

  it('warns that a link to this computer works only here', () => {
    for (const endpoint of ['http://127.0.0.1:4568', 'https://localhost:9000', 'http://[::1]:80']) {
      expect(linkReachWarning(account(endpoint))).toMatch(
        /point at this computer .* not for anyone/,
      )
    }
    expect(
      linkReachWarning({ endpoint: 'http://127.0.0.1:1', caFile: null, kind: 'sandbox' }),
    ).toMatch(/this computer \(127\.0\.0\.1\)/)
  })

  it('warns that recipients do not trust the account’s own CA', () => {
    expect(linkReachWarning(account('https://s3.internal.example', '/etc/ssl/corp-ca.pem'))).toBe(
      'This account trusts its own certificate authority (corp-ca.pem). Browsers and tools of the people you send these links to do not, unless they install that certificate too: until then they will see a certificate error, even though "Check link" works here.',
    )
  })
})
