/** Connecting through the DSS gateway emulator (TLS, HTTP→HTTPS redirect) with the real core. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBed, type TestBed } from '../../e2e/testbed/test-bed'
import type { AccountDraft } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { createCore, type Core } from './core'

let bed: TestBed
let core: Core
let dataDir: string

beforeAll(async () => {
  bed = await startTestBed({ buckets: ['alpha', 'beta'] })
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-connect-'))
  core = createCore({ dataDir, info: { version: 'test', shell: 'web', platform: 'linux' } })
})

afterAll(async () => {
  await core.dispose()
  await bed.stop()
  await rm(dataDir, { recursive: true, force: true })
})

const draft = (overrides: Partial<AccountDraft> = {}): AccountDraft => ({
  name: 'Test bed',
  kind: 'custom',
  endpoint: bed.endpoint,
  accessKeyId: bed.accessKeyId,
  secretAccessKey: bed.secretAccessKey,
  caFile: bed.caFile,
  ...overrides,
})

const call = (name: string, request: unknown): Promise<Result<unknown>> =>
  core.dispatch(name, request, { trusted: true })

const errorOf = (result: Result<unknown>) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`)
  return result.error
}

describe('connecting through the DSS gateway emulator', () => {
  it('lists the buckets with the right keys over TLS with the custom CA', async () => {
    const result = await call('accounts.test', { draft: draft() })
    expect(result).toMatchObject({ ok: true, value: { bucketCount: 2 } })
  })

  it('reports a wrong secret as a signature mismatch', async () => {
    const error = errorOf(
      await call('accounts.test', { draft: draft({ secretAccessKey: 'wrong-secret-0123456789' }) }),
    )
    expect(error.code).toBe('SIGNATURE_MISMATCH')
    expect(error.message).toMatch(/secret key does not match/)
  })

  it('reports an unknown access key', async () => {
    const error = errorOf(
      await call('accounts.test', { draft: draft({ accessKeyId: 'AKIANOBODYKNOWS' }) }),
    )
    expect(error.code).toBe('INVALID_ACCESS_KEY')
  })

  it("says why TLS failed when the server's certificate authority is not trusted", async () => {
    const error = errorOf(await call('accounts.test', { draft: draft({ caFile: null }) }))
    expect(error.code).toBe('TLS_UNTRUSTED')
    expect(error.message).toMatch(/issuer is unknown.*Custom CA file/)
  })

  it('says plainly when the CA file is missing or a folder, before any request', async () => {
    bed.emulator.clearLog()
    const missing = path.join(dataDir, 'no-such-ca.pem')
    expect(errorOf(await call('accounts.test', { draft: draft({ caFile: missing }) }))).toEqual({
      code: 'FILE_MISSING',
      message: `The CA file ${missing} does not exist. Choose the certificate file again.`,
    })
    expect(errorOf(await call('accounts.test', { draft: draft({ caFile: dataDir }) }))).toEqual({
      code: 'LOCAL_FILE_ERROR',
      message: `${dataDir} is a folder, not a CA file.`,
    })
    expect(bed.emulator.log()).toEqual([])
  })

  it('never sends credentials to an http:// endpoint that redirects to HTTPS', async () => {
    bed.emulator.clearLog()
    const error = errorOf(
      await call('accounts.test', { draft: draft({ endpoint: bed.httpEndpoint }) }),
    )
    expect(error.code).toBe('HTTPS_REQUIRED')
    expect(error.message).toMatch(/requires HTTPS/)
    const httpRequests = bed.emulator.log().filter((entry) => entry.scheme === 'http')
    expect(httpRequests.length).toBeGreaterThan(0)
    expect(httpRequests.every((entry) => !entry.authorized)).toBe(true)
    expect(bed.emulator.log().filter((entry) => entry.scheme === 'https')).toEqual([])
  })

  it('refuses plain http to a DSS host before sending anything', async () => {
    const error = errorOf(
      await call('accounts.test', { draft: draft({ endpoint: 'http://s3-standard.oortech.com' }) }),
    )
    expect(error.code).toBe('HTTPS_REQUIRED')
    expect(error.message).toMatch(/No request was sent/)
  })

  it('saves an account without writing its secret into the settings file', async () => {
    const saved = await call('accounts.save', { draft: draft() })
    expect(saved).toMatchObject({ ok: true, value: { name: 'Test bed', hasSecret: true } })
    expect(JSON.stringify(saved)).not.toContain(bed.secretAccessKey)
    const settings = await readFile(path.join(dataDir, 'accounts.json'), 'utf8')
    expect(settings).toContain(bed.accessKeyId)
    expect(settings).not.toContain(bed.secretAccessKey)
    const secrets = await stat(path.join(dataDir, 'secrets.json'))
    expect(secrets.mode & 0o077).toBe(0)
    if (!saved.ok) return
    const id = (saved.value as { id: string }).id
    expect(await call('buckets.list', { accountId: id })).toMatchObject({
      ok: true,
      value: [{ name: 'alpha' }, { name: 'beta' }],
    })
  })

  it('imports an AWS CLI profile without the secret ever reaching the caller', async () => {
    const credentials = path.join(dataDir, 'aws-credentials')
    const config = path.join(dataDir, 'aws-config')
    await writeFile(
      credentials,
      `[bed]\naws_access_key_id = ${bed.accessKeyId}\naws_secret_access_key = ${bed.secretAccessKey}\n`,
    )
    await writeFile(config, `[profile bed]\nregion = us-east-1\nendpoint_url = ${bed.endpoint}\n`)
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentials
    process.env.AWS_CONFIG_FILE = config
    try {
      const importable = await call('accounts.importable', {})
      expect(importable).toMatchObject({
        ok: true,
        value: [{ source: 'profile', name: 'bed', endpoint: bed.endpoint, hasSecret: true }],
      })
      expect(JSON.stringify(importable)).not.toContain(bed.secretAccessKey)
      const imported = draft({
        name: 'Imported',
        secretAccessKey: '',
        secretFrom: { source: 'profile', name: 'bed' },
      })
      expect(await call('accounts.test', { draft: imported })).toMatchObject({
        ok: true,
        value: { bucketCount: 2 },
      })
      const saved = await call('accounts.save', { draft: imported })
      expect(saved).toMatchObject({ ok: true, value: { name: 'Imported', hasSecret: true } })
    } finally {
      delete process.env.AWS_SHARED_CREDENTIALS_FILE
      delete process.env.AWS_CONFIG_FILE
    }
  })

  it('logs every command and how it ended, and never a secret', async () => {
    await core.log.flush()
    const log = await readFile(core.log.file, 'utf8')
    const lines = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: 'command',
        command: 'accounts.test',
        ok: false,
        code: 'SIGNATURE_MISMATCH',
      }),
    )
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'command', command: 'accounts.save', ok: true }),
    )
    expect(log).not.toContain(bed.secretAccessKey)
    expect(log).not.toContain('wrong-secret-0123456789')
  })
})
