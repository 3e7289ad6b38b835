/** Serves the built renderer, with the same closed Content-Security-Policy as Electron. */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import path from 'node:path'
import { webContentSecurityPolicy } from '../../shared/csp'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export const securityHeaders = {
  'Content-Security-Policy': webContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export const serveStatic = async (
  rootDir: string,
  urlPath: string,
  response: ServerResponse,
  extraHeaders: Record<string, string> = {},
): Promise<void> => {
  const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)
  const file = path.resolve(rootDir, `.${relative}`)
  // Never serve anything outside the renderer's folder.
  if (!file.startsWith(path.resolve(rootDir) + path.sep)) {
    response.writeHead(404).end('Not found')
    return
  }
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
    return
  }
  response.writeHead(200, {
    ...securityHeaders,
    ...extraHeaders,
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': file.endsWith('.html') ? 'no-store' : 'private, max-age=3600',
  })
  createReadStream(file).pipe(response)
}
