/**
 * The web shell: hosts the same core as Electron on 127.0.0.1 and speaks the same contract —
 * commands and events over a WebSocket, the built renderer over HTTP.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { fail } from '../../shared/errors'
import { z } from 'zod'
import { TOKEN_PARAM, WS_PATH, type InvokeMessage, type ServerMessage } from '../../shared/wire'
import type { Core } from '../core/core'
import { createGuard, type Guard } from './guard'
import { handleStage, STAGE_PATH } from './stage-route'
import { serveStatic } from './static-files'

export type WebShell = {
  readonly url: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

const invokeMessage: z.ZodType<InvokeMessage> = z.strictObject({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  request: z.unknown(),
})

/** Largest WebSocket message accepted: commands are small; file bodies travel over HTTP. */
const MAX_MESSAGE_BYTES = 1024 * 1024

const send = (socket: WebSocket, message: ServerMessage): void => {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
}

const handleSocket = (core: Core, socket: WebSocket): void => {
  const unsubscribe = core.events.subscribe((name, payload) =>
    send(socket, { type: 'event', name, payload }),
  )
  socket.on('close', unsubscribe)
  socket.on('message', async (data) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(String(data))
    } catch {
      socket.close(1003, 'messages must be JSON')
      return
    }
    const message = invokeMessage.safeParse(parsed)
    if (!message.success) {
      const id = (parsed as { id?: unknown }).id
      if (typeof id === 'number') {
        send(socket, { type: 'result', id, result: fail('INVALID_REQUEST', 'Malformed message.') })
      }
      return
    }
    const { id, name, request } = message.data
    // The socket passed the guard at upgrade, so everything on it is trusted.
    const result = await core.dispatch(name, request, { trusted: true })
    send(socket, { type: 'result', id, result })
  })
}

const refuse = (response: http.ServerResponse, reason: string): void => {
  response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(
    `Forbidden: ${reason}. Open DSS Explorer with the link it printed when it started.\n`,
  )
}

const listen = (server: http.Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })

export const startWebShell = async (options: {
  core: Core
  rendererDir: string
  port?: number
  token?: string
}): Promise<WebShell> => {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  let guard: Guard | null = null
  const server = http.createServer((request, response) => {
    // Anything but a page load (a file upload) must also come from our own Origin.
    const requireOrigin = request.method !== 'GET' && request.method !== 'HEAD'
    const refusal = guard ? guard.refusal(request, { requireOrigin }) : 'starting'
    if (refusal) return refuse(response, refusal)
    const url = new URL(request.url ?? '/', 'http://placeholder')
    if (request.method === 'POST' && url.pathname === STAGE_PATH) {
      void handleStage(options.core.staging, url, request, response)
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end()
      return
    }
    // The first load carries the token in the URL; the cookie lets the page's own assets load.
    const cookie =
      guard && guard.tokenInQuery(request)
        ? { 'Set-Cookie': `${guard.cookieName}=${guard.token}; Path=/; HttpOnly; SameSite=Strict` }
        : undefined
    serveStatic(options.rendererDir, url.pathname, response, cookie).catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://placeholder')
    const refusal =
      url.pathname !== WS_PATH
        ? 'not found'
        : guard
          ? guard.refusal(request, { requireOrigin: true })
          : 'starting'
    if (refusal) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) => handleSocket(options.core, ws))
  })
  // Staging a large dropped file may take longer than Node's default 300 s request limit.
  server.requestTimeout = 0
  const port = await listen(server, options.port ?? 0)
  guard = createGuard(port, options.token)
  return {
    url: `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${guard.token}`,
    port,
    token: guard.token,
    async close() {
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
