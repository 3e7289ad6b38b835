/** An AWS SDK v3 client set up the way the product talks to DSS, for tests of the test bed. */
import https from 'node:https'
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { TestCredentials } from './test-credentials.js'

export type S3TestTarget = TestCredentials & {
  readonly endpoint: string
  /** The CA to trust for an https endpoint. */
  readonly caPem?: string
}

export const createS3TestClient = (
  target: S3TestTarget,
  overrides: Partial<S3ClientConfig> = {},
): S3Client =>
  new S3Client({
    endpoint: target.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
    forcePathStyle: true,
    // DSS.md §3: checksum headers and aws-chunked framing confuse non-AWS servers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: new NodeHttpHandler({
      httpsAgent: new https.Agent({
        keepAlive: true,
        ...(target.caPem ? { ca: target.caPem } : {}),
      }),
    }),
    ...overrides,
  })
