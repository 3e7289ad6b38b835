/** A stand-in upstream for emulator tests: records exactly what reached it, answers as told. */
import http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type UpstreamHit = {
  readonly method: string
  /** The request target as received. */
  readonly url: string
  readonly rawHeaders: readonly string[]
  /** The body, filled in as it arrives. */
  readonly body: Buffer[]
}

export type RecordingUpstream = {
  readonly url: string
  /** Requests in order of arrival, recorded before the handler runs. */
  readonly hits: UpstreamHit[]
  stop(): Promise<void>
}

export type UpstreamHandler = (req: IncomingMessage, res: ServerResponse, hit: UpstreamHit) => void

/** Reads the whole body, then answers 200 `ok` with a marker header. */
export const answerOk: UpstreamHandler = (req, res) => {
  req.resume()
  req.once('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Upstream': 'recording' })
    res.end('ok')
  })
}

export const startRecordingUpstream = async (
  handler: UpstreamHandler = answerOk,
): Promise<RecordingUpstream> => {
  const hits: UpstreamHit[] = []
  const server = http.createServer((req, res) => {
    const hit: UpstreamHit = {
      method: req.method ?? '',
      url: req.url ?? '',
      rawHeaders: req.rawHeaders,
      body: [],
    }
    hits.push(hit)
    req.on('data', (chunk: Buffer) => hit.body.push(chunk))
    handler(req, res, hit)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    },
  }
}
