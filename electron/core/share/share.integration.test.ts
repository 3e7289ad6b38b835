/**
 * Issue 5's share links against the DSS test bed (gateway emulator + Ceph's RADOS Gateway) with the real
 * core: links are used by clients that know nothing of S3 — Node's fetch in a fresh process and
 * the curl binary — exactly as a recipient would use them.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommandRequest } from '../../../shared/contract'
import type { ShareLink } from '../../../shared/share'
import { createCore } from '../core'
import { callerFor } from '../testing/caller'
import { startHarness, type Harness } from '../testing/core-harness'
import { SIGV2_CHECK_PREFIX } from './share-service'

const run = promisify(execFile)

const BUCKET = 'share'
/** Every character clients mangle: `+ # ? & %`, spaces, NFD unicode, parentheses. */
const KEY = 'odd/a+b #c ?d &e %20f cafe\u0301 (1).bin'
const OTHER_KEY = 'odd/other.bin'
const BODY = randomBytes(100 * 1024)
const CHECKSUM_PARAM = /x-amz-checksum|x-amz-sdk-checksum/i

let h: Harness
/** Every link issued here, to prove none reaches the app log. */
const issued: ShareLink[] = []

const download = async (
  request: Partial<CommandRequest<'shares.download'>> = {},
): Promise<ShareLink> => {
  const links = await h.call('shares.download', {
    accountId: h.accountId,
    bucket: BUCKET,
    keys: [KEY],
    expiresInSeconds: 3600,
    ...request,
  })
  issued.push(...links)
  const [link] = links
  if (!link) throw new Error('no link')
  return link
}

const upload = async (request: Partial<CommandRequest<'shares.upload'>>): Promise<ShareLink> => {
  const link = await h.call('shares.upload', {
    accountId: h.accountId,
    bucket: BUCKET,
    key: 'uploads/new file+1.csv',
    contentType: 'text/csv; charset=utf-8',
    expiresInSeconds: 3600,
    ...request,
  })
  issued.push(link)
  return link
}

/** Node's own fetch in a fresh process that trusts the test bed's CA: no SDK, no shared agent. */
const FETCH_SCRIPT = `
const response = await fetch(process.argv[1])
const body = Buffer.from(await response.arrayBuffer())
process.stdout.write(JSON.stringify({
  status: response.status,
  contentType: response.headers.get('content-type'),
  disposition: response.headers.get('content-disposition'),
  body: body.toString('base64'),
}))
`
const fetchInNode = async (url: string) => {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', FETCH_SCRIPT, url], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: h.bed.caFile },
  })
  const answer = JSON.parse(stdout) as {
    status: number
    contentType: string | null
    disposition: string | null
    body: string
  }
  return { ...answer, body: Buffer.from(answer.body, 'base64') }
}

let curls = 0
/** `curl` with the test bed's CA: the final status, its headers (lower-cased) and the body. */
const curl = async (url: string, ...args: string[]) => {
  curls += 1
  const headerFile = path.join(h.dataDir, `curl-${curls}.headers`)
  const bodyFile = path.join(h.dataDir, `curl-${curls}.body`)
  await run('curl', [
    '-sS',
    '--cacert',
    h.bed.caFile,
    '-D',
    headerFile,
    '-o',
    bodyFile,
    ...args,
    url,
  ])
  // The last block: a PUT may get "100 Continue" first.
  const block = (await readFile(headerFile, 'latin1')).trim().split('\r\n\r\n').at(-1) ?? ''
  const [statusLine = '', ...lines] = block.split('\r\n')
  const headers = Object.fromEntries(
    lines.map((line) => {
      const at = line.indexOf(':')
      return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()]
    }),
  )
  return { status: Number(statusLine.split(' ')[1]), headers, body: await readFile(bodyFile) }
}

const sleepUntil = (time: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())))

beforeAll(async () => {
  h = await startHarness({ buckets: [BUCKET], prefix: 'share' })
  await h.direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: BODY }))
  await h.direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: OTHER_KEY, Body: 'other' }))
})

afterAll(() => h.stop())

describe('download links', () => {
  it('are signed offline and work with plain fetch and curl, returning the exact bytes', async () => {
    h.bed.emulator.clearLog()
    const link = await download({
      downloadName: 'report 2026.bin',
      contentType: 'application/x-report',
    })
    const plain = await download()
    expect(h.bed.emulator.log()).toEqual([])
    expect(link).toMatchObject({ kind: 'download', signature: 'v4', key: KEY, curl: null })
    expect(Date.parse(link.expiresAt) - Date.parse(link.issuedAt)).toBeGreaterThan(3599_000)
    expect(Date.parse(link.expiresAt) - Date.parse(link.issuedAt)).toBeLessThanOrEqual(3600_000)
    for (const url of [link.url, plain.url]) expect(url).not.toMatch(CHECKSUM_PARAM)

    const fetched = await fetchInNode(link.url)
    expect(fetched).toMatchObject({
      status: 200,
      contentType: 'application/x-report',
      disposition: 'attachment; filename="report 2026.bin"',
    })
    expect(fetched.body.equals(BODY)).toBe(true)
    const fetchedPlain = await fetchInNode(plain.url)
    expect(fetchedPlain).toMatchObject({ status: 200, disposition: null })
    expect(fetchedPlain.body.equals(BODY)).toBe(true)

    const curled = await curl(link.url)
    expect(curled.status).toBe(200)
    expect(curled.headers).toMatchObject({
      'content-type': 'application/x-report',
      'content-disposition': 'attachment; filename="report 2026.bin"',
    })
    expect(curled.body.equals(BODY)).toBe(true)
  })

  it('carry a unicode save-as name (filename*) in a SigV4 link', async () => {
    const link = await download({ downloadName: "café (l'été).bin" })
    const fetched = await fetchInNode(link.url)
    expect(fetched.status).toBe(200)
    expect(fetched.disposition).toBe(
      `attachment; filename="cafe (l'ete).bin"; filename*=UTF-8''caf%C3%A9%20%28l%27%C3%A9t%C3%A9%29.bin`,
    )
    expect(fetched.body.equals(BODY)).toBe(true)
  })

  it('do not work for another key, or with an override changed', async () => {
    const link = await download({ contentType: 'application/x-report' })
    const url = new URL(link.url)
    expect((await curl(url.href)).status).toBe(200)
    url.pathname = `/${BUCKET}/${OTHER_KEY}`
    const otherKey = await curl(url.href)
    expect(otherKey.status).toBe(403)
    expect(otherKey.body.toString()).toContain('<Code>SignatureDoesNotMatch</Code>')
    const changed = new URL(link.url)
    changed.searchParams.set('response-content-type', 'text/html')
    expect((await curl(changed.href)).status).toBe(403)
  })

  it('are refused once expired (SigV4 and SigV2), and "check link" says so', async () => {
    await h.call('shares.sigv2', { accountId: h.accountId, bucket: BUCKET })
    const v4 = await download({ expiresInSeconds: 2 })
    const v2 = await download({ expiresInSeconds: 2, signature: 'v2' })
    // Signed on a whole second: each has at least one second left now.
    expect((await curl(v4.url)).status).toBe(200)
    expect((await curl(v2.url)).status).toBe(200)
    expect(await h.call('shares.check', { id: v4.id })).toEqual({
      ok: true,
      status: 206,
      message: 'The link works (206).',
    })

    await sleepUntil(Math.max(Date.parse(v4.expiresAt), Date.parse(v2.expiresAt)) + 100)
    for (const link of [v4, v2]) {
      const refused = await curl(link.url)
      expect(refused.status).toBe(403)
      // RGW says only AccessDenied, with an empty message: the link's own expiry tells why.
      expect(refused.body.toString()).toContain('<Code>AccessDenied</Code>')
    }
    expect(await h.call('shares.check', { id: v4.id })).toEqual({
      ok: false,
      status: 403,
      message: 'The link has expired (403 AccessDenied).',
    })
  })
})

describe('upload links', () => {
  it('upload with the curl command as given, and the object gets the signed content type', async () => {
    const link = await upload({})
    expect(link).toMatchObject({ kind: 'upload', contentType: 'text/csv; charset=utf-8' })
    expect(link.url).not.toMatch(CHECKSUM_PARAM)
    expect(link.curl).toBe(
      `curl -X PUT -H 'Content-Type: text/csv; charset=utf-8' --upload-file FILE '${link.url}'`,
    )
    const file = path.join(h.dataDir, "it's a file.csv")
    const content = 'name,size\nrow,1\n'.repeat(1000)
    await writeFile(file, content)
    // The command exactly as the user pastes it, with FILE replaced by a quoted path.
    const command = (link.curl ?? '').replace(' FILE ', ` '${file.replaceAll("'", `'\\''`)}' `)
    const { stdout } = await run('/bin/sh', ['-c', command], {
      env: { ...process.env, CURL_CA_BUNDLE: h.bed.caFile },
    })
    expect(stdout).toBe('')
    const stored = await h.direct.send(new HeadObjectCommand({ Bucket: BUCKET, Key: link.key }))
    expect(stored).toMatchObject({
      ContentType: 'text/csv; charset=utf-8',
      ContentLength: Buffer.byteLength(content),
    })
  })

  it('refuse another content type, and are not "checked" (that would upload)', async () => {
    const link = await upload({ key: 'uploads/typed.txt', contentType: 'text/plain' })
    const wrongType = await curl(
      link.url,
      '-X',
      'PUT',
      '-H',
      'Content-Type: text/html',
      '--data-binary',
      'x',
    )
    expect(wrongType.status).toBe(403)
    await expect(
      h.direct.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'uploads/typed.txt' })),
    ).rejects.toMatchObject({ name: 'NotFound' })
    expect(await h.failureOf('shares.check', { id: link.id })).toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(/cannot be checked without uploading/),
    })
  })
})

describe('SigV2 links', () => {
  it('are refused until one signed request has shown the endpoint accepts SigV2', async () => {
    const { id: accountId } = await h.call('accounts.save', { draft: h.draft({ name: 'Fresh' }) })
    expect(
      await h.failureOf('shares.download', {
        accountId,
        bucket: BUCKET,
        keys: [KEY],
        expiresInSeconds: 30 * 86_400,
        signature: 'v2',
      }),
    ).toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(/SigV2 check first/),
    })
    expect(
      await h.failureOf('shares.download', {
        accountId,
        bucket: BUCKET,
        keys: [KEY],
        expiresInSeconds: 30 * 86_400,
      }),
    ).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/at most 7 days/) })

    h.bed.emulator.clearLog()
    const support = await h.call('shares.sigv2', { accountId, bucket: BUCKET })
    expect(support).toMatchObject({
      accountId,
      supported: true,
      detail: '404 NoSuchKey: SigV2 accepted',
    })
    const sent = h.bed.emulator.log()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ method: 'GET', status: 404, authorized: true })
    expect(sent[0]?.query).toHaveProperty('Signature')
    expect(sent[0]?.path.startsWith(`/${BUCKET}/${SIGV2_CHECK_PREFIX}`)).toBe(true)
    expect((await h.call('requests.log', { accountId })).at(-1)).toMatchObject({
      method: 'GET',
      bucket: BUCKET,
      key: expect.stringMatching(new RegExp(`^${SIGV2_CHECK_PREFIX}`)),
      status: 404,
    })

    // Remembered: no second request unless asked to check again.
    expect(await h.call('shares.sigv2', { accountId, bucket: BUCKET })).toEqual(support)
    expect(h.bed.emulator.log()).toHaveLength(1)
    await h.call('shares.sigv2', { accountId, bucket: BUCKET, recheck: true })
    expect(h.bed.emulator.log()).toHaveLength(2)
    await h.call('accounts.remove', { id: accountId })
  })

  it('work for 30 days, with a unicode save-as name, and upload with a signed content type', async () => {
    await h.call('shares.sigv2', { accountId: h.accountId, bucket: BUCKET })
    const link = await download({
      signature: 'v2',
      expiresInSeconds: 30 * 86_400,
      downloadName: 'café report.bin',
      contentType: 'application/x-report',
    })
    const query = new URL(link.url).searchParams
    expect([...query.keys()]).toEqual([
      'AWSAccessKeyId',
      'Expires',
      'Signature',
      'response-content-disposition',
      'response-content-type',
    ])
    expect(Number(query.get('Expires')) * 1000 - Date.now()).toBeGreaterThan(29 * 86_400_000)
    const curled = await curl(link.url)
    expect(curled.status).toBe(200)
    expect(curled.headers).toMatchObject({
      'content-type': 'application/x-report',
      'content-disposition': `attachment; filename="cafe report.bin"; filename*=UTF-8''caf%C3%A9%20report.bin`,
    })
    expect(curled.body.equals(BODY)).toBe(true)

    const put = await upload({
      key: 'uploads/v2 (legacy).txt',
      signature: 'v2',
      contentType: 'text/plain',
    })
    const sent = await curl(
      put.url,
      '-X',
      'PUT',
      '-H',
      'Content-Type: text/plain',
      '--data-binary',
      'v2 body',
    )
    expect(sent.status).toBe(200)
    const stored = await h.direct.send(new HeadObjectCommand({ Bucket: BUCKET, Key: put.key }))
    expect(stored).toMatchObject({ ContentType: 'text/plain', ContentLength: 7 })
  })
})

describe('check link', () => {
  it('sends one ranged GET through the governor, into the request log', async () => {
    const link = await download()
    h.bed.emulator.clearLog()
    expect(await h.call('shares.check', { id: link.id })).toEqual({
      ok: true,
      status: 206,
      message: 'The link works (206).',
    })
    // One byte asked for, one byte sent: the check reads no more of the object.
    expect(h.bed.emulator.log()).toMatchObject([{ method: 'GET', status: 206, bytesOut: 1 }])
    expect((await h.call('requests.log', { accountId: h.accountId })).at(-1)).toMatchObject({
      method: 'GET',
      bucket: BUCKET,
      key: KEY,
      status: 206,
    })
  })

  it('says when the object is gone', async () => {
    await h.direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'gone.txt', Body: 'x' }))
    const gone = await download({ keys: ['gone.txt'] })
    await h.direct.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone.txt' }))
    expect(await h.call('shares.check', { id: gone.id })).toEqual({
      ok: false,
      status: 404,
      message: 'The object no longer exists (404).',
    })
  })
})

describe('link history', () => {
  it('re-signs a link with the same settings, valid from now, on top of the history', async () => {
    const original = await download({ downloadName: 'again.bin', expiresInSeconds: 600 })
    const changed: string[] = []
    const stop = h.core.events.on('shares.changed', ({ accountId }) => changed.push(accountId))
    const again = await h.call('shares.resign', { id: original.id })
    stop()
    issued.push(again)
    expect(again).toMatchObject({
      key: original.key,
      kind: 'download',
      signature: 'v4',
      expiresInSeconds: 600,
      downloadName: 'again.bin',
    })
    expect(again.id).not.toBe(original.id)
    expect(changed).toEqual([h.accountId])
    const history = await h.call('shares.history', { accountId: h.accountId })
    expect(history.map((link) => link.id).slice(0, 2)).toEqual([again.id, original.id])
    expect((await fetchInNode(again.url)).body.equals(BODY)).toBe(true)
  })

  it('survives a restart of the core, SigV2 answer included', async () => {
    await h.call('shares.sigv2', { accountId: h.accountId, bucket: BUCKET })
    const before = await h.call('shares.history', { accountId: h.accountId })
    const support = await h.call('shares.sigv2', { accountId: h.accountId, bucket: BUCKET })
    const restarted = createCore({
      dataDir: h.dataDir,
      info: { version: 'test', shell: 'web', platform: 'linux' },
    })
    try {
      const call = callerFor(restarted)
      expect(await call('shares.history', { accountId: h.accountId })).toEqual(before)
      h.bed.emulator.clearLog()
      expect(await call('shares.sigv2', { accountId: h.accountId, bucket: BUCKET })).toEqual(
        support,
      )
      expect(h.bed.emulator.log()).toEqual([])
    } finally {
      await restarted.dispose()
    }
  })

  it('drops the links of a removed account', async () => {
    const { id: accountId } = await h.call('accounts.save', { draft: h.draft({ name: 'Leaving' }) })
    const [link] = await h.call('shares.download', {
      accountId,
      bucket: BUCKET,
      keys: [KEY],
      expiresInSeconds: 60,
    })
    expect(await h.call('shares.history', { accountId })).toHaveLength(1)
    const changed: string[] = []
    const stop = h.core.events.on('shares.changed', ({ accountId: id }) => changed.push(id))
    await h.call('accounts.remove', { id: accountId })
    stop()
    expect(changed).toEqual([accountId])
    expect(await h.call('shares.history', { accountId })).toEqual([])
    const file = await readFile(path.join(h.dataDir, 'share-links.json'), 'utf8')
    expect(file).not.toContain(link?.url)
    expect(file).toContain(issued[0]?.url)
  })

  it('never writes a link to the app log', async () => {
    await h.failureOf('shares.check', { id: 'no-such-link' })
    await h.core.log.flush()
    const log = await readFile(h.core.log.file, 'utf8')
    expect(log).toMatch(/"command":"shares.download"/)
    expect(issued.length).toBeGreaterThan(10)
    for (const link of issued) {
      const signature = new URL(link.url).searchParams
      expect(log).not.toContain(signature.get('X-Amz-Signature') ?? signature.get('Signature'))
    }
  })
})
