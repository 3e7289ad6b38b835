/**
 * The S3 peer behind the gateway emulator: @20minutes/s3rver (patched, see patches/) over plain
 * HTTP on loopback, with the run's credentials registered so it verifies their signatures.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { once } from './once.js'

export type S3PeerOptions = {
  /** Where objects are stored; a fresh temporary folder (removed on stop) when omitted. */
  readonly directory?: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

export type S3Peer = {
  readonly url: string
  readonly port: number
  readonly directory: string
  stop(): Promise<void>
}

// s3rver is CommonJS without types: these are the few members used here.
type S3rverInstance = {
  run(): Promise<{ port: number }>
  close(): Promise<void>
  readonly httpServer?: Server
}
type S3rverClass = new (options: {
  address: string
  port: number
  silent: boolean
  directory: string
  vhostBuckets: boolean
}) => S3rverInstance
type AccountModule = {
  readonly DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void }
}

const require = createRequire(import.meta.url)
const S3rver = require('@20minutes/s3rver') as S3rverClass
const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account') as AccountModule

/** Longer than the gateway's own pool keeps idle sockets, so reused sockets are never cut. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000

export const startS3Peer = async (options: S3PeerOptions): Promise<S3Peer> => {
  // The key registry is process-wide and keys are random per run, so keys are never revoked:
  // revoking could break another peer in this process that was given the same pair.
  DUMMY_ACCOUNT.createKeyPair(options.accessKeyId, options.secretAccessKey)
  const ownsDirectory = options.directory === undefined
  const directory = options.directory ?? (await mkdtemp(path.join(os.tmpdir(), 'dss-s3-peer-')))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    // Path-style only, as the product sends it; never guess a bucket from the Host header.
    vhostBuckets: false,
  })
  const { port } = await server.run()
  if (server.httpServer) {
    server.httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
    // Multi-GiB uploads may take minutes; Node's default would cut them at 300 s.
    server.httpServer.requestTimeout = 0
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    directory,
    stop: once(async () => {
      const closed = server.close()
      server.httpServer?.closeAllConnections()
      await closed
      if (ownsDirectory) await rm(directory, { recursive: true, force: true })
    }),
  }
}
