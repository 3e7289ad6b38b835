/**
 * Link checks are made without the SDK, so they keep the account's request limits themselves: a
 * connect that never completes, a server that never answers and an answer that stops each end
 * with the TIMEOUT sentence every other request ends with, and a cancel ends the wait.
 */
import http from 'node:http'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CodedError } from '../../../shared/errors'
import type { Connection } from '../accounts'
import { createRequestGovernor } from '../request-governor'
import { createRequestLog } from '../request-log'
import { createS3Client } from '../s3-client'
import { startUnacceptingListener, type UnacceptingListener } from '../testing/unaccepting-listener'
import { governedRequest } from './governed-request'

const LIMITS = { connectMs: 1000, firstByteMs: 1000, idleMs: 1000 }

let unaccepting: UnacceptingListener
/** Answers /silent never, /halt with headers and half a body, anything else with 200. */
let server: http.Server
let port: number
const sockets = new Set<net.Socket>()

beforeAll(async () => {
  unaccepting = await startUnacceptingListener()
  server = http.createServer((request, response) => {
    if (request.url?.startsWith('/silent')) return
    if (request.url?.startsWith('/halt')) {
      response.writeHead(403, { 'content-length': '1000' })
      response.write('<Error><Code>AccessDenied</Code>')
      return
    }
    response.writeHead(200).end('x')
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as net.AddressInfo).port
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => server.close(resolve))
  await unaccepting.stop()
})

const connection = (): Connection => {
  const settings = { endpoint: `http://127.0.0.1:${port}`, accessKeyId: 'a', secretAccessKey: 's' }
  const governor = createRequestGovernor(100)
  const log = createRequestLog()
  const client = createS3Client(settings, governor, log)
  return { client, governor, log, endpoint: settings.endpoint, settings, limits: LIMITS }
}

const check = (url: string, signal?: AbortSignal) =>
  governedRequest(connection(), { method: 'GET', url, bucket: 'b', key: 'k' }, signal)

const failure = (promise: Promise<unknown>): Promise<{ code: string; message: string }> =>
  promise.then(
    () => ({ code: 'NONE', message: 'it did not fail' }),
    (error: unknown) =>
      error instanceof CodedError
        ? { code: error.code, message: error.message }
        : { code: 'UNCODED', message: String(error) },
  )

describe('a link check', () => {
  it('answers as the server does when it answers', async () => {
    expect((await check(`http://127.0.0.1:${port}/b/k`)).status).toBe(200)
  })

  it('ends with TIMEOUT when the connect never completes', async () => {
    const host = `127.0.0.1:${unaccepting.port}`
    expect(await failure(check(`http://${host}/b/k`))).toEqual({
      code: 'TIMEOUT',
      message: `Could not connect to ${host} within 1 second. Check the endpoint and your network, then try again.`,
    })
  })

  it('ends with TIMEOUT when the server never answers', async () => {
    expect(await failure(check(`http://127.0.0.1:${port}/silent`))).toEqual({
      code: 'TIMEOUT',
      message: `127.0.0.1:${port} accepted the connection but sent no answer within 1 second. Check the endpoint and your network, then try again.`,
    })
  })

  it('ends with TIMEOUT when the answer stops half way', async () => {
    const error = await failure(check(`http://127.0.0.1:${port}/halt`))
    expect(error).toEqual({
      code: 'TIMEOUT',
      message: `127.0.0.1:${port} stopped answering: nothing arrived for 1 second. Check the endpoint and your network, then try again.`,
    })
  })

  it('ends when cancelled, without waiting for a limit', async () => {
    const controller = new AbortController()
    const pending = failure(check(`http://127.0.0.1:${unaccepting.port}/b/k`, controller.signal))
    controller.abort()
    expect((await pending).code).not.toBe('TIMEOUT')
  })
})
