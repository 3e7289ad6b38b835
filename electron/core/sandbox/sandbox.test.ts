import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxStatus } from '../../../shared/accounts'
import { createEventBus } from '../event-bus'
import { createRedactor } from '../redactor'
import { createS3Client } from '../s3-client'
import { createSandbox, type Sandbox } from './sandbox'
import { DEMO_BUCKET, demoObjects } from './seed-demo'

let dataDir: string
let sandbox: Sandbox
const statuses: SandboxStatus[] = []

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-sandbox-'))
  const events = createEventBus()
  events.subscribe((name, payload) => {
    if (name === 'sandbox.status') statuses.push(payload as SandboxStatus)
  })
  sandbox = createSandbox({ dataDir, events, redactor: createRedactor() })
})

afterAll(async () => {
  await sandbox.stop()
  await rm(dataDir, { recursive: true, force: true })
})

/** Every key of the demo bucket, paging 100 at a time (exercises continuation tokens). */
const listAll = async (client: S3Client): Promise<string[]> => {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: DEMO_BUCKET, MaxKeys: 100, ContinuationToken: token }),
    )
    keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ''))
    token = page.NextContinuationToken
  } while (token)
  return keys
}

describe('local sandbox', () => {
  it('starts on loopback and seeds the demo bucket on first run', async () => {
    const status = await sandbox.start()
    expect(status).toMatchObject({
      state: 'ready',
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    })
    expect(statuses.map((entry) => entry.state)).toEqual(['starting', 'ready'])
    const client = createS3Client(sandbox.settings())
    const keys = await listAll(client)
    expect(keys.sort()).toEqual(
      demoObjects()
        .map((object) => object.key)
        .sort(),
    )
    expect(keys.length).toBeGreaterThan(300)
    const image = await client.send(
      new GetObjectCommand({ Bucket: DEMO_BUCKET, Key: 'photos/2026/sunset.png' }),
    )
    const bytes = await image.Body?.transformToByteArray()
    expect(image.ContentType).toBe('image/png')
    expect(
      Buffer.from(bytes ?? [])
        .subarray(1, 4)
        .toString('ascii'),
    ).toBe('PNG')
    client.destroy()
  })

  it('lists the demo bucket root as folders, including folders that hold only sub-folders', async () => {
    const client = createS3Client(sandbox.settings())
    const root = await client.send(
      new ListObjectsV2Command({ Bucket: DEMO_BUCKET, Delimiter: '/' }),
    )
    client.destroy()
    expect(root.CommonPrefixes?.map((prefix) => prefix.Prefix)).toEqual([
      'documents/',
      'logs/',
      'photos/',
    ])
    expect(root.Contents?.map((object) => object.Key)).toEqual(['README.txt'])
  })

  it('keeps its data across restarts and does not seed twice', async () => {
    await sandbox.stop()
    const status = await sandbox.start()
    expect(status.state).toBe('ready')
    const client = createS3Client(sandbox.settings())
    expect((await listAll(client)).length).toBe(demoObjects().length)
    client.destroy()
  })
})
