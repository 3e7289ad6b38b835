import { describe, expect, it } from 'vitest'
import { CodedError } from '../../shared/errors'
import { createDispatcher, type Handlers } from './dispatcher'
import { createRedactor } from './redactor'

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

const handlers = {
  'app.info': async () => ({ version: '1.0.0', shell: 'web', platform: 'linux' }),
  'accounts.list': async () => [],
  'accounts.test': async () => {
    throw new CodedError('SIGNATURE_MISMATCH', `bad signature for ${SECRET}`)
  },
  'accounts.save': async () => {
    throw new Error('disk on fire')
  },
  'accounts.remove': async () => null,
  'sandbox.start': async () => ({ state: 'stopped' }),
  'buckets.list': async ({ accountId }) => [{ name: accountId, createdAt: null }],
} satisfies Partial<Handlers>

const redactor = createRedactor()
redactor.add(SECRET)
// Only the commands these tests call have handlers; the wrapper never reaches the others.
const dispatch = createDispatcher(handlers as unknown as Handlers, redactor)
const trusted = { trusted: true }

describe('the handler wrapper', () => {
  it('returns the handler value in an ok envelope', async () => {
    expect(await dispatch('buckets.list', { accountId: 'a1' }, trusted)).toEqual({
      ok: true,
      value: [{ name: 'a1', createdAt: null }],
    })
  })

  it('rejects a malformed request with INVALID_REQUEST, in a sentence without schema paths', async () => {
    const result = await dispatch('buckets.list', { accountId: 42 }, trusted)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INVALID_REQUEST')
    expect(result.error.message).toMatch(/^DSS Explorer sent itself a request it could not read\./)
    expect(result.error.message).not.toMatch(/accountId|buckets\.list|expected/)
  })

  it("lets a field's own message stand alone", async () => {
    const result = await dispatch(
      'accounts.test',
      { draft: { name: 'n', kind: 'custom', endpoint: 'https://x', accessKeyId: ' ' } },
      trusted,
    )
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'Enter the access key.' },
    })
  })

  it('says which value is too long in words', async () => {
    const result = await dispatch('buckets.list', { accountId: 'a'.repeat(500) }, trusted)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    if (result.ok) return
    expect(result.error.message).toMatch(
      /^The account id is too long: at most [\d,]+ characters\.$/,
    )
  })

  it('rejects unexpected extra fields (strict schemas)', async () => {
    const result = await dispatch('app.info', { sneaky: true }, trusted)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
  })

  it('rejects a missing request body', async () => {
    const result = await dispatch('buckets.list', undefined, trusted)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
  })

  it('rejects unknown commands, including prototype names', async () => {
    expect(await dispatch('fs.readFile', {}, trusted)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND' },
    })
    expect(await dispatch('constructor', {}, trusted)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND' },
    })
    expect(await dispatch(17, {}, trusted)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND' },
    })
  })

  it('refuses untrusted senders before looking at the request', async () => {
    expect(await dispatch('app.info', {}, { trusted: false })).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    })
  })

  it('turns a coded failure into its envelope, with secrets blanked out', async () => {
    const result = await dispatch(
      'accounts.test',
      { draft: { name: 'n', kind: 'custom', endpoint: 'https://x', accessKeyId: 'AK' } },
      trusted,
    )
    expect(result).toEqual({
      ok: false,
      error: { code: 'SIGNATURE_MISMATCH', message: 'bad signature for ••••••' },
    })
  })

  it('turns an unexpected exception into UNKNOWN without a stack trace', async () => {
    const result = await dispatch(
      'accounts.save',
      {
        draft: {
          name: 'n',
          kind: 'custom',
          endpoint: 'https://x',
          accessKeyId: 'AK',
          secretAccessKey: 's',
        },
      },
      trusted,
    )
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN', message: 'Unexpected error: disk on fire' },
    })
  })
})
