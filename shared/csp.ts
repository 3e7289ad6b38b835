/**
 * The renderer's Content-Security-Policy. It starts from nothing: all S3 traffic happens in the
 * main process, so the renderer needs no network origin — the web shell adds only its own
 * WebSocket ('self').
 */
const base = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
]

export const electronContentSecurityPolicy = [...base, "connect-src 'none'"].join('; ')

export const webContentSecurityPolicy = [...base, "connect-src 'self'"].join('; ')
