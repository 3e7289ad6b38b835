/** Serves the built renderer from app://dss-explorer/ with the closed CSP on every response. */
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { electronContentSecurityPolicy } from '../../shared/csp'
import { APP_SCHEME } from './channels'
import { appRequestFile } from './policy/app-request'

/** Must run before the app is ready. */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ])
}

const notFound = (): Response =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })

export const serveRenderer = (rendererDir: string): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const found = request.method === 'GET' ? appRequestFile(request.url, rendererDir) : null
    if (!found) return notFound()
    try {
      return new Response(await readFile(found.file), {
        headers: {
          'Content-Type': found.contentType,
          'Content-Security-Policy': electronContentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
        },
      })
    } catch {
      return notFound()
    }
  })
}
