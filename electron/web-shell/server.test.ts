import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { createCore, type Core } from '../core/core'
import { startWebShell, type WebShell } from './server'

let dir: string
let core: Core
let shell: WebShell

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dss-web-shell-'))
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>DSS Explorer</title>')
  core = createCore({ dataDir: dir, info: { version: 'test', shell: 'web', platform: 'linux' } })
  shell = await startWebShell({ core, rendererDir: dir })
})

afterAll(async () => {
  await shell.close()
  await core.dispose()
  await rm(dir, { recursive: true, force: true })
})

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

const get = (pathAndQuery: string, headers: Record<string, string> = {}): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port: shell.port, path: pathAndQuery, headers },
      (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        )
      },
    )
    request.on('error', reject)
  })

/** Opens a WebSocket and reports the HTTP status of a refused upgrade, or the open socket. */
const connect = (
  query: string,
  origin: string | undefined,
): Promise<{ status: number; socket?: WebSocket }> =>
  new Promise((resolve) => {
    const socket = new WebSocket(
      `ws://127.0.0.1:${shell.port}/ws${query}`,
      origin ? { origin } : {},
    )
    socket.on('open', () => resolve({ status: 101, socket }))
    socket.on('unexpected-response', (_request, response) =>
      resolve({ status: response.statusCode ?? 0 }),
    )
    socket.on('error', () => resolve({ status: 0 }))
  })

const own = () => `http://127.0.0.1:${shell.port}`

describe('web shell access control', () => {
  it('prints a URL on 127.0.0.1 carrying the token', () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/?token=${shell.token}`)
    expect(shell.token.length).toBeGreaterThanOrEqual(32)
  })

  it('refuses a request without the token', async () => {
    expect((await get('/')).status).toBe(403)
    expect((await get('/index.html')).status).toBe(403)
  })

  it('refuses a wrong token', async () => {
    expect((await get('/?token=not-the-token')).status).toBe(403)
  })

  it('serves the renderer with the token, with a closed CSP and a same-site cookie', async () => {
    const answer = await get(`/?token=${shell.token}`)
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('DSS Explorer')
    expect(answer.headers['content-security-policy']).toMatch(/^default-src 'none'/)
    expect(String(answer.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    const cookie = String(answer.headers['set-cookie']).split(';')[0] ?? ''
    expect((await get('/index.html', { cookie })).status).toBe(200)
  })

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const answer = await get(`/?token=${shell.token}`, { host: `evil.example:${shell.port}` })
    expect(answer.status).toBe(403)
  })

  it('refuses a request from a foreign Origin even with the token', async () => {
    expect((await get(`/?token=${shell.token}`, { origin: 'http://evil.example' })).status).toBe(
      403,
    )
  })

  it('refuses a WebSocket with Origin http://evil.example', async () => {
    expect((await connect(`?token=${shell.token}`, 'http://evil.example')).status).toBe(403)
  })

  it('refuses a WebSocket without the token, or without an Origin', async () => {
    expect((await connect('', own())).status).toBe(403)
    expect((await connect(`?token=${shell.token}`, undefined)).status).toBe(403)
  })

  it('answers commands over an accepted WebSocket, and rejects malformed ones', async () => {
    const { socket } = await connect(`?token=${shell.token}`, own())
    if (!socket) throw new Error('socket refused')
    const replies: unknown[] = []
    const done = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        replies.push(JSON.parse(String(data)))
        if (replies.length === 2) resolve()
      }),
    )
    socket.send(JSON.stringify({ type: 'invoke', id: 1, name: 'app.info', request: {} }))
    socket.send(
      JSON.stringify({ type: 'invoke', id: 2, name: 'buckets.list', request: { accountId: 3 } }),
    )
    await done
    socket.close()
    expect(replies).toContainEqual({
      type: 'result',
      id: 1,
      result: {
        ok: true,
        value: expect.objectContaining({ version: 'test', shell: 'web', platform: 'linux' }),
      },
    })
    expect(replies).toContainEqual(
      expect.objectContaining({
        id: 2,
        result: expect.objectContaining({
          ok: false,
          error: expect.objectContaining({ code: 'INVALID_REQUEST' }),
        }),
      }),
    )
  })
})
