/**
 * For tests: an HTTP server on loopback standing in for an S3 endpoint that RGW cannot play (one
 * that ignores StartAfter, or writes XML our reader refuses), and a connection to it as the app
 * builds one, its governor letting 1,000 requests a second go.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Connection } from '../accounts'
import { createRequestGovernor } from '../request-governor'
import { connectionFor } from './transfer-core'

export type LoopbackS3 = {
  readonly connection: Connection
  stop(): Promise<void>
}

export const startLoopbackS3 = async (handle: http.RequestListener): Promise<LoopbackS3> => {
  const server = http.createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const connection = connectionFor(
    {
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      accessKeyId: 'test',
      secretAccessKey: 'test-secret',
    },
    createRequestGovernor(1000),
  )
  return {
    connection,
    async stop() {
      connection.client.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
