/**
 * The "Local sandbox" account: an S3 server on loopback that the app starts itself, with its
 * data in the app's data folder and a demo bucket seeded on first run.
 */
import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { SandboxStatus } from '../../../shared/accounts'
import { CodedError } from '../../../shared/errors'
import { readJson, writeJsonAtomic } from '../atomic-file'
import type { EventBus } from '../event-bus'
import type { Redactor } from '../redactor'
import { createS3Client, type ClientSettings } from '../s3-client'
import { startLocalS3Server, type LocalS3Server } from './local-s3-server'
import { seedDemoBucket } from './seed-demo'

type Credentials = { accessKeyId: string; secretAccessKey: string }
type SeedMark = { seededAt: string; objects: number }

export type Sandbox = {
  status(): SandboxStatus
  /** Starts the server (once) and seeds it on first run; resolves when ready or failed. */
  start(): Promise<SandboxStatus>
  /** Client settings while running; throws a coded error otherwise. */
  settings(): ClientSettings
  stop(): Promise<void>
}

const loadCredentials = async (file: string): Promise<Credentials> => {
  const stored = await readJson<Credentials | null>(file, null)
  if (stored) return stored
  const fresh = {
    accessKeyId: `SANDBOX${randomBytes(6).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64url'),
  }
  await writeJsonAtomic(file, fresh, 0o600)
  return fresh
}

export const createSandbox = (options: {
  dataDir: string
  events: EventBus
  redactor: Redactor
}): Sandbox => {
  const root = path.join(options.dataDir, 'sandbox')
  let status: SandboxStatus = { state: 'stopped' }
  let server: LocalS3Server | null = null
  let credentials: Credentials | null = null
  let starting: Promise<SandboxStatus> | null = null

  const setStatus = (next: SandboxStatus): SandboxStatus => {
    status = next
    options.events.emit('sandbox.status', next)
    return next
  }

  const boot = async (): Promise<SandboxStatus> => {
    setStatus({ state: 'starting' })
    try {
      await mkdir(path.join(root, 'data'), { recursive: true })
      credentials = await loadCredentials(path.join(root, 'credentials.json'))
      options.redactor.add(credentials.secretAccessKey)
      server = await startLocalS3Server({ directory: path.join(root, 'data'), ...credentials })
      const seedFile = path.join(root, 'seeded.json')
      if (!(await readJson<SeedMark | null>(seedFile, null))) {
        const client = createS3Client({ endpoint: server.endpoint, ...credentials })
        const objects = await seedDemoBucket(client)
        client.destroy()
        await writeJsonAtomic(seedFile, { seededAt: new Date().toISOString(), objects })
      }
      return setStatus({ state: 'ready', endpoint: server.endpoint })
    } catch (error) {
      starting = null
      const message = error instanceof Error ? error.message : String(error)
      return setStatus({
        state: 'failed',
        message: `The local sandbox could not start: ${message}`,
      })
    }
  }

  return {
    status: () => status,
    start() {
      starting ??= boot()
      return starting
    },
    settings() {
      if (status.state !== 'ready' || !credentials) {
        throw new CodedError(
          'SANDBOX_UNAVAILABLE',
          status.state === 'failed' ? status.message : 'The local sandbox is not running yet.',
        )
      }
      return { endpoint: status.endpoint, ...credentials }
    },
    async stop() {
      await server?.stop()
      server = null
      starting = null
      setStatus({ state: 'stopped' })
    },
  }
}
