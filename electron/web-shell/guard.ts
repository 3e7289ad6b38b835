/**
 * Who may talk to the web shell: only pages it served itself, on the exact loopback address it
 * listens on, holding this launch's random token. Any other web page in the user's browser — or a
 * DNS-rebinding host name — gets 403.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { TOKEN_PARAM } from '../../shared/wire'

export type Guard = {
  readonly token: string
  readonly cookieName: string
  /** Why a request must be refused, or null when it may proceed. */
  refusal(request: IncomingMessage, options: { requireOrigin: boolean }): string | null
  /** True when the token came in the URL (the first page load), to set the cookie. */
  tokenInQuery(request: IncomingMessage): boolean
}

const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

const cookieValue = (header: string | undefined, name: string): string | null => {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

export const createGuard = (port: number, token = randomBytes(24).toString('base64url')): Guard => {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const origins = new Set([...hosts].map((host) => `http://${host}`))
  const cookieName = `dss_token_${port}`
  const queryToken = (request: IncomingMessage): string | null =>
    new URL(request.url ?? '/', 'http://placeholder').searchParams.get(TOKEN_PARAM)

  return {
    token,
    cookieName,
    tokenInQuery: (request) => queryToken(request) !== null,
    refusal(request, { requireOrigin }) {
      if (!hosts.has(request.headers.host ?? '')) return 'unexpected Host header'
      const origin = request.headers.origin
      if (origin !== undefined ? !origins.has(origin) : requireOrigin) return 'foreign Origin'
      const presented = queryToken(request) ?? cookieValue(request.headers.cookie, cookieName)
      if (presented === null || !sameSecret(presented, token)) return 'missing or wrong token'
      return null
    },
  }
}
