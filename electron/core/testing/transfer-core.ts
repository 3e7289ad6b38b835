/** The transfer tests' core and test bed client. */
import type { S3Client } from '@aws-sdk/client-s3'
import { createS3TestClient } from '../../../e2e/testbed/s3-test-client'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import { createCore, type Core } from '../core'
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
