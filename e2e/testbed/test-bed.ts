/**
 * The whole test bed: an S3 peer (Ceph's RADOS Gateway) behind the DSS gateway emulator, with run-specific credentials,
 * a CA file for clients to trust, and the requested buckets already created.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CreateBucketCommand } from '@aws-sdk/client-s3'
import type { Faults } from './faults.js'
import { startGatewayEmulator, type GatewayEmulator } from './gateway-emulator.js'
import { createS3TestClient } from './s3-test-client.js'
import { startS3Peer, type S3Peer } from './s3-peer.js'
import { once } from './once.js'
import { createTestCredentials, type TestCredentials } from './test-credentials.js'

export type TestBedOptions = {
  readonly rateLimit?: number
  readonly burst?: number
  readonly faults?: Faults
  readonly buckets?: readonly string[]
}

export type TestBed = {
  /** The emulator's HTTPS endpoint, what a client should be configured with. */
  readonly endpoint: string
  /** The emulator's plain HTTP endpoint, which only ever redirects to `endpoint`. */
  readonly httpEndpoint: string
  readonly caPem: string
  /** A file holding `caPem`, for clients configured with a path (the product, awscli, rclone). */
  readonly caFile: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly emulator: GatewayEmulator
  readonly peer: S3Peer
  stop(): Promise<void>
}

/** Buckets are made through the peer directly so neither the limit nor faults get in the way. */
const createBuckets = async (
  peer: S3Peer,
  credentials: TestCredentials,
  buckets: readonly string[],
): Promise<void> => {
  const client = createS3TestClient({ ...credentials, endpoint: peer.url })
  try {
    for (const bucket of buckets) await client.send(new CreateBucketCommand({ Bucket: bucket }))
  } finally {
    client.destroy()
  }
}

export const startTestBed = async (options: TestBedOptions = {}): Promise<TestBed> => {
  const credentials = createTestCredentials()
  const cleanups: (() => Promise<void>)[] = []
  const stop = once(async () => {
    const errors: unknown[] = []
    // Reverse order: the emulator goes before the peer it forwards to. One failure stops no other.
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => errors.push(error))
    }
    if (errors.length > 0) throw new AggregateError(errors, 'the test bed did not stop cleanly')
  })
  try {
    const peer = await startS3Peer(credentials)
    cleanups.push(() => peer.stop())
    const emulator = await startGatewayEmulator({
      upstream: peer.url,
      rateLimit: options.rateLimit,
      burst: options.burst,
      faults: options.faults,
    })
    cleanups.push(() => emulator.stop())
    const caDirectory = await mkdtemp(path.join(os.tmpdir(), 'dss-test-bed-ca-'))
    cleanups.push(() => rm(caDirectory, { recursive: true, force: true }))
    const caFile = path.join(caDirectory, 'ca.pem')
    await writeFile(caFile, emulator.caPem)
    await createBuckets(peer, credentials, options.buckets ?? [])
    return {
      endpoint: emulator.httpsUrl,
      httpEndpoint: emulator.httpUrl,
      caPem: emulator.caPem,
      caFile,
      ...credentials,
      emulator,
      peer,
      stop,
    }
  } catch (error) {
    // The start failure is the error worth reporting, not a follow-up one from cleaning up.
    await stop().catch(() => undefined)
    throw error
  }
}
