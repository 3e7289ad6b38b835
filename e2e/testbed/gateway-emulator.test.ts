/** The DSS gateway emulator against a recording upstream, so every forwarded byte is visible. */
import https from 'node:https'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  maxRequestsInWindow,
  startGatewayEmulator,
  type GatewayEmulator,
} from './gateway-emulator.js'
import { rawRequest } from './raw-request.js'
import { answerOk, startRecordingUpstream, type RecordingUpstream } from './recording-upstream.js'

const BIG_BODY = Buffer.alloc(1024 * 1024, 'x')

/** Answers GET /big with a 1 MiB body; everything else with `answerOk`. */
let upstream: RecordingUpstream
let emulator: GatewayEmulator

beforeAll(async () => {
  upstream = await startRecordingUpstream((req, res, hit) => {
    if (req.url === '/big') {
      res.writeHead(200, { 'Content-Length': BIG_BODY.length })
      res.end(BIG_BODY)
      return
    }
    answerOk(req, res, hit)
  })
  emulator = await startGatewayEmulator({ upstream: upstream.url })
})

afterAll(async () => {
  await emulator.stop()
  await upstream.stop()
})

afterEach(() => {
  emulator.setRateLimit(100)
  emulator.setFaults({})
  emulator.clearLog()
  upstream.hits.length = 0
})

const viaHttps = (options: Parameters<typeof rawRequest>[1] = {}) =>
  rawRequest(emulator.httpsUrl, { ca: emulator.caPem, ...options })

/** Resolves with the error a request ends in, and fails if it succeeds. */
const failureOf = async (request: Promise<unknown>): Promise<NodeJS.ErrnoException> => {
  try {
    await request
  } catch (error) {
    return error as NodeJS.ErrnoException
  }
  throw new Error('expected the request to fail')
}

describe('forwarding', () => {
  it('passes method, raw target, headers and body through unchanged', async () => {
    const target = '/bucket/a%2Bb%20c/%E2%9C%93?list-type=2&prefix=x%2Fy&empty='
    const host = new URL(emulator.httpsUrl).host
    const response = await viaHttps({
      method: 'PUT',
      path: target,
      headers: ['Host', host, 'X-Amz-Date', '20261124T000000Z', 'x-dup', 'one', 'X-Dup', 'two'],
      body: 'hello',
    })
    expect(response.status).toBe(200)
    expect(response.body.toString()).toBe('ok')
    expect(response.headers['x-upstream']).toBe('recording')

    const [hit] = upstream.hits
    expect(hit?.method).toBe('PUT')
    expect(hit?.url).toBe(target)
    const headers = hit?.rawHeaders ?? []
    expect(headers.slice(0, 8)).toEqual([
      'Host',
      host,
      'X-Amz-Date',
      '20261124T000000Z',
      'x-dup',
      'one',
      'X-Dup',
      'two',
    ])
    expect(Buffer.concat(hit?.body ?? []).toString()).toBe('hello')

    const [entry] = emulator.log()
    expect(entry).toMatchObject({
      method: 'PUT',
      path: '/bucket/a+b c/✓',
      rawPath: target,
      query: { 'list-type': '2', prefix: 'x/y', empty: '' },
      status: 200,
      bytesIn: 5,
      bytesOut: 2,
      scheme: 'https',
      authorized: false,
    })
    expect(entry?.fault).toBeUndefined()
  })

  it('marks requests that carry credentials, in a header or a query signature', async () => {
    await viaHttps({ headers: ['Authorization', 'AWS4-HMAC-SHA256 Credential=x'] })
    await viaHttps({ path: '/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc' })
    await viaHttps({ path: '/b/k?AWSAccessKeyId=x&Signature=abc&Expires=1' })
    await viaHttps({ path: '/b/k' })
    expect(emulator.log().map((entry) => entry.authorized)).toEqual([true, true, true, false])
  })

  it('streams an upload: the upstream gets the start before the client has sent the rest', async () => {
    const received = () => upstream.hits[0]?.body.reduce((sum, chunk) => sum + chunk.length, 0) ?? 0
    const done = new Promise<number>((resolve, reject) => {
      const req = https.request(`${emulator.httpsUrl}/streamed`, {
        method: 'PUT',
        ca: emulator.caPem,
        agent: false,
      })
      req.once('response', (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.once('error', reject)
      req.write(Buffer.alloc(64 * 1024, 'a'))
      // The rest is only sent once the first part reached the upstream: a buffering proxy hangs here.
      const waitForUpstream = setInterval(() => {
        if (received() < 64 * 1024) return
        clearInterval(waitForUpstream)
        req.end(Buffer.alloc(64 * 1024, 'b'))
      }, 5)
    })
    expect(await done).toBe(200)
    expect(received()).toBe(128 * 1024)
    expect(emulator.log()[0]?.bytesIn).toBe(128 * 1024)
  })

  it('streams a download: the client gets the start before the upstream has sent the rest', async () => {
    let clientReceived = 0
    const slowUpstream = await startRecordingUpstream((_req, res) => {
      res.writeHead(200, { 'Content-Length': 2 * 65_536 })
      res.write(Buffer.alloc(65_536, 'a'))
      const waitForClient = setInterval(() => {
        if (clientReceived === 0) return
        clearInterval(waitForClient)
        res.end(Buffer.alloc(65_536, 'b'))
      }, 5)
    })
    const slowEmulator = await startGatewayEmulator({ upstream: slowUpstream.url })
    try {
      const total = await new Promise<number>((resolve, reject) => {
        https
          .get(`${slowEmulator.httpsUrl}/slow`, { ca: slowEmulator.caPem, agent: false }, (res) => {
            res.on('data', (chunk: Buffer) => (clientReceived += chunk.length))
            res.once('end', () => resolve(clientReceived))
            res.once('error', reject)
          })
          .once('error', reject)
      })
      expect(total).toBe(2 * 65_536)
    } finally {
      await slowEmulator.stop()
      await slowUpstream.stop()
    }
  })

  it('answers 100 Continue itself, then forwards the body without the Expect header', async () => {
    const response = await viaHttps({
      method: 'PUT',
      path: '/expecting',
      headers: ['Expect', '100-continue', 'Content-Length', '5'],
      body: 'hello',
    })
    expect(response.status).toBe(200)
    const [hit] = upstream.hits
    expect(Buffer.concat(hit?.body ?? []).toString()).toBe('hello')
    expect(hit?.rawHeaders.map((name) => name.toLowerCase())).not.toContain('expect')
  })

  it('answers 502 BadGateway when the upstream cannot be reached', async () => {
    const gone = await startRecordingUpstream()
    await gone.stop()
    const orphan = await startGatewayEmulator({ upstream: gone.url })
    try {
      const response = await rawRequest(orphan.httpsUrl, { ca: orphan.caPem, path: '/b/k' })
      expect(response.status).toBe(502)
      expect(response.body.toString()).toContain('<Code>BadGateway</Code>')
    } finally {
      await orphan.stop()
    }
  })
})

describe('plain HTTP', () => {
  it('redirects every request to the same path on HTTPS and never forwards it', async () => {
    const response = await rawRequest(emulator.httpUrl, {
      method: 'PUT',
      path: '/bucket/a%20b?uploads=&x=1',
      headers: ['Authorization', 'AWS4-HMAC-SHA256 Credential=x'],
      body: 'secret data',
    })
    expect(response.status).toBe(301)
    expect(response.headers.location).toBe(`${emulator.httpsUrl}/bucket/a%20b?uploads=&x=1`)
    expect(upstream.hits).toEqual([])
    expect(emulator.log()).toMatchObject([
      {
        scheme: 'http',
        status: 301,
        method: 'PUT',
        authorized: true,
        rawPath: '/bucket/a%20b?uploads=&x=1',
      },
    ])
  })

  it('keeps the host name the client used', async () => {
    const port = new URL(emulator.httpUrl).port
    const response = await rawRequest(emulator.httpUrl, { headers: ['Host', `localhost:${port}`] })
    expect(response.headers.location).toBe(`https://localhost:${new URL(emulator.httpsUrl).port}/`)
  })
})

describe('rate limit', () => {
  it('answers a burst over the limit with 503 SlowDown and forwards at most burst + rate per second', async () => {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 250, ca: emulator.caPem })
    const burst = () =>
      Promise.all(
        Array.from({ length: 250 }, (_, i) =>
          rawRequest(emulator.httpsUrl, { path: `/b/k${i}`, agent }),
        ),
      )
    try {
      // Connections are opened first, unlimited, so 250 TLS handshakes on a busy machine cannot
      // spread the measured burst over more than a second and let the bucket refill.
      emulator.setRateLimit(0)
      await burst()
      emulator.clearLog()
      upstream.hits.length = 0
      emulator.setRateLimit(100, 100)
      const responses = await burst()
      const slowDowns = responses.filter((response) => response.status === 503)
      const passed = responses.filter((response) => response.status === 200)
      expect(slowDowns.length + passed.length).toBe(250)
      expect(slowDowns.length).toBeGreaterThan(0)
      expect(passed.length).toBeGreaterThanOrEqual(100)
      const [slowDown] = slowDowns
      expect(slowDown?.headers['content-type']).toBe('application/xml')
      expect(slowDown?.body.toString()).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?><Error><Code>SlowDown<\/Code><Message>Please reduce your request rate.<\/Message><RequestId>[0-9A-F]+<\/RequestId><\/Error>$/,
      )
      // Rejected requests never reach the upstream.
      expect(upstream.hits.length).toBe(passed.length)
      const log = emulator.log()
      expect(
        log.filter((entry) => entry.fault === 'slowdown').every((entry) => entry.status === 503),
      ).toBe(true)
      const forwarded = log.filter((entry) => entry.status !== 503)
      expect(maxRequestsInWindow(forwarded)).toBeLessThanOrEqual(200)
    } finally {
      agent.destroy()
    }
  })

  it('counts failed requests too', async () => {
    // A slow refill (one token per 10 s) so the test does not depend on how fast it runs.
    emulator.setRateLimit(0.1, 5)
    emulator.setFaults({ errorRate: 1 })
    const statuses = []
    for (let i = 0; i < 8; i += 1) statuses.push((await viaHttps()).status)
    expect(statuses.slice(0, 5)).toEqual([500, 500, 500, 500, 500])
    expect(statuses.slice(5)).toEqual([503, 503, 503])
  })

  it('rejects an upload that waits for 100 Continue without taking its body', async () => {
    emulator.setRateLimit(0.1, 1)
    await viaHttps()
    const response = await viaHttps({
      method: 'PUT',
      headers: ['Expect', '100-continue', 'Content-Length', '5'],
      body: 'hello',
    })
    expect(response.status).toBe(503)
    expect(response.headers.connection).toBe('close')
    expect(upstream.hits).toHaveLength(1)
  })

  it('can be changed or switched off at runtime', async () => {
    emulator.setRateLimit(0.1, 2)
    const limited = await Promise.all(Array.from({ length: 5 }, () => viaHttps()))
    expect(limited.filter((response) => response.status === 200)).toHaveLength(2)
    emulator.setRateLimit(0)
    const unlimited = await Promise.all(Array.from({ length: 50 }, () => viaHttps()))
    expect(unlimited.every((response) => response.status === 200)).toBe(true)
  })
})

describe('faults', () => {
  it('errorRate 1 answers 500 InternalError without forwarding', async () => {
    emulator.setFaults({ errorRate: 1 })
    const response = await viaHttps({ path: '/b/k' })
    expect(response.status).toBe(500)
    expect(response.headers['content-type']).toBe('application/xml')
    expect(response.body.toString()).toContain('<Code>InternalError</Code>')
    expect(upstream.hits).toEqual([])
    expect(emulator.log()).toMatchObject([{ status: 500, fault: 'error' }])
  })

  it('resets a download after the headers and part of the body', async () => {
    emulator.setFaults({ resetRate: 1 })
    let status = 0
    let received = 0
    const error = await failureOf(
      new Promise((resolve, reject) => {
        https
          .get(`${emulator.httpsUrl}/big`, { ca: emulator.caPem, agent: false }, (res) => {
            status = res.statusCode ?? 0
            res.on('data', (chunk: Buffer) => (received += chunk.length))
            res.once('error', reject)
            res.once('end', resolve)
          })
          .once('error', reject)
      }),
    )
    expect(error.code).toBe('ECONNRESET')
    expect(status).toBe(200)
    expect(received).toBeGreaterThan(0)
    expect(received).toBeLessThan(BIG_BODY.length)
    expect(upstream.hits).toHaveLength(1)
    await expect
      .poll(() => emulator.log())
      .toMatchObject([{ status: 200, fault: 'reset', bytesOut: received }])
  })

  it('resets an upload part way and forwards none of it', async () => {
    emulator.setFaults({ resetRate: 1 })
    const error = await failureOf(viaHttps({ method: 'PUT', path: '/b/k', body: BIG_BODY }))
    expect(['ECONNRESET', 'EPIPE']).toContain(error.code)
    expect(upstream.hits).toEqual([])
    await expect.poll(() => emulator.log()).toMatchObject([{ status: 0, fault: 'reset' }])
    const [entry] = emulator.log()
    expect(entry?.bytesIn).toBeGreaterThan(0)
    expect(entry?.bytesIn).toBeLessThan(BIG_BODY.length)
  })

  it('corruptRate 1 flips one byte in the middle of a PUT body, keeping its length', async () => {
    emulator.setFaults({ corruptRate: 1 })
    const sent = Buffer.from(BIG_BODY)
    const response = await viaHttps({
      method: 'PUT',
      path: '/b/k',
      headers: ['Content-Length', String(sent.length)],
      body: sent,
    })
    expect(response.status).toBe(200)
    const received = Buffer.concat(upstream.hits[0]?.body ?? [])
    expect(received.length).toBe(BIG_BODY.length)
    const differing = [...received.keys()].filter((at) => received[at] !== BIG_BODY[at])
    expect(differing).toEqual([BIG_BODY.length / 2])
    expect(received[BIG_BODY.length / 2]).toBe((BIG_BODY[BIG_BODY.length / 2] ?? 0) ^ 0xff)
    // The client's own bytes are not touched.
    expect(sent.equals(BIG_BODY)).toBe(true)
    expect(emulator.log()).toMatchObject([
      { method: 'PUT', status: 200, fault: 'corrupt', bytesIn: BIG_BODY.length },
    ])
  })

  it('corrupts nothing but PUT bodies', async () => {
    emulator.setFaults({ corruptRate: 1 })
    await viaHttps({ path: '/b/k' })
    await viaHttps({
      method: 'POST',
      path: '/b/k?delete',
      headers: ['Content-Length', '5'],
      body: 'hello',
    })
    await viaHttps({
      method: 'PUT',
      path: '/b/copy',
      headers: ['Content-Length', '0', 'x-amz-copy-source', '/b/k'],
    })
    expect(upstream.hits.map((hit) => Buffer.concat(hit.body).toString())).toEqual([
      '',
      'hello',
      '',
    ])
    expect(emulator.log().map((entry) => entry.fault)).toEqual([undefined, undefined, undefined])
  })

  it('follows the injected random source', async () => {
    const draws = [0.1, 0.9, 0.2, 0.6]
    const seeded = await startGatewayEmulator({
      upstream: upstream.url,
      faults: { errorRate: 0.5 },
      random: () => draws.shift() ?? 1,
    })
    try {
      const statuses = []
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await rawRequest(seeded.httpsUrl, { ca: seeded.caPem })).status)
      }
      expect(statuses).toEqual([500, 200, 500, 200])
    } finally {
      await seeded.stop()
    }
  })

  it("stall 'answer' reads the request and never answers, until the client gives up", async () => {
    emulator.setFaults({ stall: { mode: 'answer', methods: ['PUT'] } })
    // Other methods pass.
    expect((await viaHttps({ path: '/b/k' })).status).toBe(200)
    const error = await failureOf(
      new Promise((resolve, reject) => {
        const req = https.request(
          `${emulator.httpsUrl}/b/k`,
          { method: 'PUT', ca: emulator.caPem, agent: false, timeout: 1000 },
          resolve,
        )
        req.once('timeout', () =>
          req.destroy(Object.assign(new Error('gave up'), { code: 'GAVE_UP' })),
        )
        req.once('error', reject)
        req.end(BIG_BODY)
      }),
    )
    expect(error.code).toBe('GAVE_UP')
    await expect
      .poll(() => emulator.log().filter((entry) => entry.method === 'PUT'))
      .toMatchObject([{ status: 0, fault: 'stall', bytesIn: BIG_BODY.length }])
    expect(upstream.hits.map((hit) => hit.method)).toEqual(['GET'])
  })

  it("stall 'body' sends the upstream's status and headers, then nothing", async () => {
    emulator.setFaults({ stall: { mode: 'body' } })
    let status = 0
    let received = 0
    const error = await failureOf(
      new Promise((resolve, reject) => {
        const req = https.get(
          `${emulator.httpsUrl}/big`,
          { ca: emulator.caPem, agent: false, timeout: 1000 },
          (res) => {
            status = res.statusCode ?? 0
            res.on('data', (chunk: Buffer) => (received += chunk.length))
            res.once('error', reject)
            res.once('end', resolve)
          },
        )
        req.once('timeout', () =>
          req.destroy(Object.assign(new Error('gave up'), { code: 'GAVE_UP' })),
        )
        req.once('error', reject)
      }),
    )
    expect(['GAVE_UP', 'ECONNRESET']).toContain(error.code)
    expect(status).toBe(200)
    expect(received).toBe(0)
    await expect.poll(() => emulator.log()).toMatchObject([{ status: 200, fault: 'stall' }])
  })

  it('tells a listener of each request as it arrives, before it is answered', async () => {
    emulator.setFaults({ latencyMs: 200 })
    const seen: { method: string; query: Readonly<Record<string, string>>; logged: number }[] = []
    const stop = emulator.onArrival((request) =>
      seen.push({ ...request, logged: emulator.log().length }),
    )
    await viaHttps({ method: 'PUT', path: '/b/k?partNumber=3&uploadId=u%2B1', body: 'x' })
    stop()
    await viaHttps({ path: '/b/k' })
    expect(seen).toEqual([
      { method: 'PUT', query: { partNumber: '3', uploadId: 'u+1' }, logged: 0 },
    ])
  })

  it('adds latency before forwarding', async () => {
    emulator.setFaults({ latencyMs: 300 })
    const started = performance.now()
    expect((await viaHttps()).status).toBe(200)
    // Lower bounds only (a busy machine makes it longer), with room for a timer measured from
    // the event loop's cached clock, which on a busy machine lags the real one.
    expect(performance.now() - started).toBeGreaterThanOrEqual(250)
    expect(emulator.log()[0]?.durationMs).toBeGreaterThanOrEqual(250)
  })
})

describe('stop', () => {
  it('closes idle keep-alive connections so nothing keeps the process alive', async () => {
    const own = await startGatewayEmulator({ upstream: upstream.url })
    const agent = new https.Agent({ keepAlive: true, ca: own.caPem })
    try {
      await rawRequest(own.httpsUrl, { agent })
      const [socket] = Object.values(agent.freeSockets).flat()
      expect(socket).toBeDefined()
      const closed = new Promise((resolve) => socket?.once('close', resolve))
      await own.stop()
      await closed
      await expect(rawRequest(own.httpsUrl, { ca: own.caPem })).rejects.toThrow(/ECONNREFUSED/)
    } finally {
      agent.destroy()
    }
  })
})
