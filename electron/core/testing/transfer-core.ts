/** The transfer tests' core, test bed, clients and connection. */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import { createS3TestClient } from '../../../e2e/testbed/s3-test-client'
import { startTestBed, type TestBed } from '../../../e2e/testbed/test-bed'
import type { Connection } from '../accounts'
import { createCore, type Core } from '../core'
import { createRequestGovernor, type RequestGovernor } from '../request-governor'
import { DEFAULT_REQUEST_LIMITS } from '../request-limits'
import { createRequestLog } from '../request-log'
import { createS3Client, type ClientSettings } from '../s3-client'
import { callerFor, type Caller } from './caller'
import type { RetryPolicy } from '../transfers/retry'

/** A client straight to the test bed's S3 peer, past the emulator: for seeding and checking. */
export const directClientOf = (bed: TestBed): S3Client =>
  createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })

/** One "run" of the app on a data folder, with quick transfer retries. */
export const startTransferCore = (
  dataDir: string,
  retry: RetryPolicy = { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
): { core: Core; call: Caller } => {
  const core = createCore({
    dataDir,
    info: { version: 'test', shell: 'web', platform: 'linux' },
    retry: retry,
  })
  return { core, call: callerFor(core) }
}

/** A test file's test bed (one bucket), a client straight to its peer, and a work folder. */
export type TransferBed = {
  readonly bed: TestBed
  readonly direct: S3Client
  readonly work: string
  /** `work`/data: where the app keeps its data in the test. */
  readonly dataDir: string
}

export const openTransferBed = async (bucket: string, name: string): Promise<TransferBed> => {
  const bed = await startTestBed({ buckets: [bucket] })
  const work = await mkdtemp(path.join(os.tmpdir(), `dss-${name}-`))
  return { bed, direct: directClientOf(bed), work, dataDir: path.join(work, 'data') }
}

/** Stops what a test file started, whatever of it did start. */
export const closeTransferBed = async (parts: {
  readonly core?: Core | null
  readonly direct?: S3Client
  readonly connection?: Connection
  readonly bed?: TestBed
  readonly work?: string
}): Promise<void> => {
  await parts.core?.dispose()
  parts.direct?.destroy()
  parts.connection?.client.destroy()
  await parts.bed?.stop()
  if (parts.work) await rm(parts.work, { recursive: true, force: true })
}

/**
 * A connection as the app builds one, without a core: the client with its governor (100 requests
 * a second unless given another) and request log. For loopback servers of tests and the test bed.
 */
export const connectionFor = (
  settings: ClientSettings,
  governor: RequestGovernor = createRequestGovernor(100),
): Connection => {
  const log = createRequestLog()
  return {
    client: createS3Client(settings, governor, log),
    governor,
    log,
    endpoint: settings.endpoint,
    settings,
    limits: DEFAULT_REQUEST_LIMITS,
  }
}

/** A connection to the test bed through the emulator, as the app builds one, without a core. */
export const connectionTo = (bed: TestBed): Connection =>
  connectionFor({
    endpoint: bed.endpoint,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
    caPem: bed.caPem,
  })
