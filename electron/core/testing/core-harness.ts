/**
 * For integration tests: the real core on a fresh data folder, connected to a fresh DSS test bed
 * (gateway emulator + S3 peer), with typed helpers to call commands and wait for jobs.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import { startTestBed, type TestBed, type TestBedOptions } from '../../../e2e/testbed/test-bed'
import type { AccountDraft, CommandName, CommandRequest } from '../../../shared/contract'
import type { AppError } from '../../../shared/errors'
import type { JobSummary, ObjectPage } from '../../../shared/objects'
import { createCore, type Core, type CoreOptions } from '../core'
import { callerFor, type Caller } from './caller'
import { directClientOf } from './transfer-core'

export type Harness = {
  readonly bed: TestBed
  readonly core: Core
  readonly dataDir: string
  /** An account saved for the test bed (rate limit 100 unless `rateLimit` was given). */
  readonly accountId: string
  /** A client straight to the S3 peer, past the emulator: for seeding and checking. */
  readonly direct: S3Client
  call: Caller
  /** The error of a command expected to fail (unknown request shapes allowed). */
  failureOf(name: CommandName, request: unknown): Promise<AppError>
  /** Starts a job and resolves with its final summary. */
  runJob(request: CommandRequest<'jobs.start'>): Promise<JobSummary>
  /** Every key (and folder) under a prefix, following continuation tokens. */
  listAll(
    bucket: string,
    prefix: string,
    options?: { recursive?: boolean; accountId?: string; maxKeys?: number },
  ): Promise<{ keys: string[]; folders: string[] }>
  /** A draft for the test bed's account, with overrides. */
  draft(overrides?: Partial<AccountDraft>): AccountDraft
  stop(): Promise<void>
}

export const startHarness = async (
  options: TestBedOptions & {
    rateLimit?: number
    prefix?: string
    /** Core options beyond the data folder (short time limits, quick retries). */
    core?: Pick<CoreOptions, 'retry' | 'requestLimits' | 'openFile' | 'editSettleMs'>
  } = {},
): Promise<Harness> => {
  const bed = await startTestBed(options)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `dss-${options.prefix ?? 'core'}-`))
  const core = createCore({
    dataDir,
    info: { version: 'test', shell: 'web', platform: 'linux' },
    ...options.core,
  })
  const direct = directClientOf(bed)
  const jobs = new Map<string, JobSummary>()
  core.events.on('jobs.updated', (job) => jobs.set(job.id, job))

  const call = callerFor(core)

  const draft = (overrides: Partial<AccountDraft> = {}): AccountDraft => ({
    name: 'Test bed',
    kind: 'custom',
    endpoint: bed.endpoint,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
    caFile: bed.caFile,
    rateLimit: options.rateLimit ?? 100,
    ...overrides,
  })
  const { id: accountId } = await call('accounts.save', { draft: draft() })

  return {
    bed,
    core,
    dataDir,
    accountId,
    direct,
    call,
    draft,
    async failureOf(name, request) {
      const result = await core.dispatch(name, request, { trusted: true })
      if (result.ok) throw new Error(`${name} succeeded`)
      return result.error
    },
    async runJob(request) {
      const { id } = await call('jobs.start', request)
      for (;;) {
        const job = jobs.get(id)
        if (job?.finishedAt) return job
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    async listAll(bucket, prefix, options = {}) {
      const keys: string[] = []
      const folders: string[] = []
      let continuationToken: string | null = null
      do {
        const page: ObjectPage = await call('objects.list', {
          accountId: options.accountId ?? accountId,
          bucket,
          prefix,
          recursive: options.recursive ?? false,
          maxKeys: options.maxKeys ?? 1000,
          continuationToken,
        })
        keys.push(...page.objects.map((object) => object.key))
        folders.push(...page.folders.map((folder) => folder.prefix))
        continuationToken = page.nextToken
      } while (continuationToken)
      return { keys, folders }
    },
    async stop() {
      direct.destroy()
      await core.dispose()
      await bed.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
