/** Real TLS failures from real servers on loopback, through the core's Test connection. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { generate } from 'selfsigned'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../shared/errors'
import { createCore, type Core } from './core'

const HOUR = 60 * 60 * 1000
let dataDir: string
let core: Core
const servers: https.Server[] = []

type Validity = { notBeforeDate: Date; notAfterDate: Date }
const current: Validity = {
  notBeforeDate: new Date(Date.now() - HOUR),
  notAfterDate: new Date(Date.now() + 24 * HOUR),
}
const expired: Validity = {
  notBeforeDate: new Date(Date.now() - 48 * HOUR),
  notAfterDate: new Date(Date.now() - 24 * HOUR),
}

/** A CA, and a server certificate it signed for `host` with the given validity. */
const issue = async (host: string, validity: Validity) => {
  const ca = await generate([{ name: 'commonName', value: 'Test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...current,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, critical: true },
    ],
  })
  const leaf = await generate([{ name: 'commonName', value: host }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...validity,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [host.match(/^\d/) ? { type: 7, ip: host } : { type: 2, value: host }],
      },
    ],
  })
  return { caPem: ca.cert, key: leaf.private, cert: leaf.cert }
}

/** An HTTPS server that never gets past the handshake in these tests; returns its endpoint. */
const serve = async (key: string, cert: string): Promise<string> => {
  const server = https.createServer({ key, cert }, (_request, response) => response.end())
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const testConnection = async (endpoint: string, caPem: string | null): Promise<Result<unknown>> => {
  let caFile: string | null = null
  if (caPem) {
    caFile = path.join(dataDir, `ca-${Math.random().toString(36).slice(2)}.pem`)
    await writeFile(caFile, caPem)
  }
  return core.dispatch(
    'accounts.test',
    {
      draft: {
        name: 'tls',
        kind: 'custom',
        endpoint,
        accessKeyId: 'AKIATEST',
        secretAccessKey: 'secret-for-tls-tests',
        caFile,
      },
    },
    { trusted: true },
  )
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-tls-'))
  core = createCore({ dataDir, info: { version: 'test', shell: 'web', platform: 'linux' } })
})

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    server.close()
  }
  await core.dispose()
  await rm(dataDir, { recursive: true, force: true })
})

describe('TLS failures say why', () => {
  it('a self-signed server certificate', async () => {
    const self = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      ...current,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    })
    const result = await testConnection(await serve(self.private, self.cert), null)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'TLS_SELF_SIGNED', message: expect.stringMatching(/self-signed/) },
    })
  })

  it('an expired certificate, even from a trusted authority', async () => {
    const { caPem, key, cert } = await issue('127.0.0.1', expired)
    const result = await testConnection(await serve(key, cert), caPem)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'TLS_EXPIRED', message: expect.stringMatching(/expired/) },
    })
  })

  it('a certificate for another host name', async () => {
    const { caPem, key, cert } = await issue('storage.example.test', current)
    const result = await testConnection(await serve(key, cert), caPem)
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'TLS_HOST_MISMATCH',
        message: expect.stringMatching(/different host name.*storage\.example\.test/),
      },
    })
  })

  it('an authority this computer does not know', async () => {
    const { key, cert } = await issue('127.0.0.1', current)
    const result = await testConnection(await serve(key, cert), null)
    expect(result).toMatchObject({ ok: false, error: { code: 'TLS_UNTRUSTED' } })
  })
})
