/** Serves the built renderer from app://dss-explorer/ with the closed CSP on every response. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { protocol } from 'electron'
import { electronContentSecurityPolicy } from '../../shared/csp'
import { APP_HOST, APP_SCHEME } from './channels'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** Must run before the app is ready. */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ])
}

export const serveRenderer = (rendererDir: string): void => {
  const root = path.resolve(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const file = path.resolve(root, `.${relative}`)
    if (url.host !== APP_HOST || !file.startsWith(root + path.sep)) {
      return new Response('Not found', { status: 404 })
    }
    try {
      return new Response(await readFile(file), {
        headers: {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': electronContentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
        },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
