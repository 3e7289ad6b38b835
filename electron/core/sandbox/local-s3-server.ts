/**
 * Runs the local S3 server (s3rver, patched: see patches/) on loopback for the sandbox, behind a
 * filter (request-filter.ts) so that only the app itself, or whoever holds one of its links, gets
 * in. The server is ours, not s3rver's `run()`: the filter sits in front of s3rver's handler.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import S3rver from '@20minutes/s3rver'
import { DUMMY_ACCOUNT } from '@20minutes/s3rver/lib/models/account.js'
import { filterRequests } from './request-filter'

export type LocalS3Server = {
  readonly endpoint: string
  stop(): Promise<void>
}

/** The key pair s3rver registers for everyone; left in place, anybody could sign with it. */
const BUILT_IN_ACCESS_KEY = 'S3RVER'

const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })

export const startLocalS3Server = async (options: {
  directory: string
  accessKeyId: string
  secretAccessKey: string
  port?: number
}): Promise<LocalS3Server> => {
  DUMMY_ACCOUNT.revokeAccessKey(BUILT_IN_ACCESS_KEY)
  DUMMY_ACCOUNT.createKeyPair(options.accessKeyId, options.secretAccessKey)
  const s3rver = new S3rver({ silent: true, directory: options.directory })
  const server = createServer(filterRequests(s3rver.callback()))
  const port = await listen(server, options.port ?? 0)
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      DUMMY_ACCOUNT.revokeAccessKey(options.accessKeyId)
    },
  }
}
