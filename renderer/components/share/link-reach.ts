/**
 * Who a link can reach, from the account it is signed for: a link to this computer works only
 * here, and one to a server whose certificate comes from the account's own CA file works in this
 * app but not in a recipient's browser or curl, which do not trust that CA.
 */
import type { AccountSummary } from '../../../shared/accounts'

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

const hostOf = (endpoint: string): string | null => {
  try {
    return new URL(endpoint).hostname
  } catch {
    return null
  }
}

export const linkReachWarning = (
  account: Pick<AccountSummary, 'endpoint' | 'caFile' | 'kind'> | null,
): string | null => {
  if (!account) return null
  const host = hostOf(account.endpoint)
  if (account.kind === 'sandbox' || (host !== null && LOOPBACK.test(host))) {
    return `These links point at this computer (${host ?? account.endpoint}): they work here, but not for anyone you send them to.`
  }
  if (account.caFile) {
    const name = account.caFile.split(/[\\/]/).pop() ?? account.caFile
    return `This account trusts its own certificate authority (${name}). Browsers and tools of the people you send these links to do not, unless they install that certificate too: until then they will see a certificate error, even though "Check link" works here.`
  }
  return null
}
