import { describe, expect, it, vi } from 'vitest'
import { SIGV4_MAX_EXPIRY_SECONDS } from '../../shared/share'
import { demo, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import { contentTypeFor } from '../../shared/content-types'
import {
  choiceForSignature,
  customFrom,
  defaultExpiry,
  expiryChoiceProblem,
  presetsFor,
  secondsOf,
} from './share-expiry'

const START = Date.parse('2026-11-24T13:32:00Z')

/** A store on the fake API with a clock the test moves, and a clipboard it reads. */
const setUp = async (objects: readonly string[], sigV2Supported = true) => {
  let now = START
  const clipboard: string[] = []
  const browser = await setUpBrowser(
    { demo: objects },
    { now: () => now, sigV2Supported },
    { writeClipboard: async (text) => void clipboard.push(text) },
  )
  await openAndWait(browser.store, demo)
  const advance = (seconds: number) => (now += seconds * 1000)
  return { ...browser, clipboard, advance }
}

const v4 = { signature: 'v4', downloadName: null, contentType: null } as const

describe('share links', () => {
  it('creates links that show in the history at once, and again after main says it changed', async () => {
    const { store, callsOf } = await setUp(['a.txt', 'photos/b c.jpg'])
    await store.getState().loadShareHistory('sandbox')
    expect(store.getState().shareHistory).toMatchObject({ state: 'loaded', links: [] })

    const result = await store
      .getState()
      .createDownloadLinks(demo, ['a.txt', 'photos/b c.jpg'], { ...v4, expiresInSeconds: 900 })
    expect(result.ok).toBe(true)
    expect(callsOf('shares.download')[0]?.request).toEqual({
      accountId: 'sandbox',
      bucket: 'demo',
      keys: ['a.txt', 'photos/b c.jpg'],
      expiresInSeconds: 900,
      signature: 'v4',
      downloadName: null,
      contentType: null,
    })
    const keysOf = () => store.getState().shareHistory?.links.map(({ key }) => key)
    // Shown before the reload the change event brings.
    expect(keysOf()).toEqual(['a.txt', 'photos/b c.jpg'])
    expect(callsOf('shares.history')).toHaveLength(1)
    await vi.waitFor(() => expect(callsOf('shares.history')).toHaveLength(2))
    expect(keysOf()).toEqual(['a.txt', 'photos/b c.jpg'])
    const [first] = store.getState().shareHistory?.links ?? []
    expect(first?.expiresAt).toBe('2026-11-24T13:47:00.000Z')
    expect(first?.url).toContain('X-Amz-Expires=900')

    const upload = await store.getState().createUploadLink(demo, {
      key: 'inbox/report.pdf',
      contentType: contentTypeFor('report.pdf'),
      expiresInSeconds: 3600,
      signature: 'v4',
    })
    expect(upload.ok && upload.value.curl).toMatch(
      /^curl -X PUT -H 'Content-Type: application\/pdf' --upload-file FILE 'https:/,
    )
    expect(keysOf()).toEqual(['inbox/report.pdf', 'a.txt', 'photos/b c.jpg'])
  })

  it('copies the joined links of the selected files on Ctrl/Cmd+L, skipping folders', async () => {
    const { store, clipboard, callsOf } = await setUp(['a.txt', 'b.txt', 'docs/c.txt'])
    store.getState().selectEntry('a.txt', 'replace')
    store.getState().selectEntry('b.txt', 'toggle')
    store.getState().selectEntry('docs/', 'toggle')
    await store.getState().copyLinksOfSelection()

    expect(callsOf('shares.download')[0]?.request).toMatchObject({
      keys: ['a.txt', 'b.txt'],
      expiresInSeconds: 3600,
      signature: 'v4',
    })
    expect(clipboard).toHaveLength(1)
    const lines = clipboard[0]?.split('\n') ?? []
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^https:\/\/s3\.fake\.invalid\/demo\/a\.txt\?.*X-Amz-Expires=3600/)
    expect(lines[1]).toMatch(/^https:\/\/s3\.fake\.invalid\/demo\/b\.txt\?/)
    expect(store.getState().linkNotice).toMatchObject({
      kind: 'copied',
      count: 2,
      skippedFolders: 1,
      expiresAt: '2026-11-24T14:32:00.000Z',
    })
  })

  it('explains instead of copying when only folders are selected or the clipboard refuses', async () => {
    const { store, clipboard, callsOf } = await setUp(['docs/c.txt'])
    store.getState().selectEntry('docs/', 'replace')
    await store.getState().copyLinksOfSelection()
    expect(callsOf('shares.download')).toHaveLength(0)
    expect(clipboard).toHaveLength(0)
    const notice = store.getState().linkNotice
    expect(notice?.kind === 'failed' && notice.error.message).toMatch(/folders cannot be shared/)
    store.getState().dismissLinkNotice(notice?.id ?? 0)
    expect(store.getState().linkNotice).toBeNull()

    const refusing = await setUpBrowser(
      { demo: ['a.txt'] },
      {},
      {
        writeClipboard: async () => {
          throw new Error('Document is not focused.')
        },
      },
    )
    await openAndWait(refusing.store, demo)
    refusing.store.getState().selectEntry('a.txt', 'replace')
    await refusing.store.getState().copyLinksOfSelection()
    expect(refusing.store.getState().linkNotice).toMatchObject({
      kind: 'failed',
      error: { message: 'The clipboard refused the text: Document is not focused.' },
    })
  })

  it('re-signs a link from now as a new one, forgets one, and clears only expired ones', async () => {
    const { store, advance, callsOf } = await setUp(['a.txt', 'b.txt', 'c.txt'])
    await store.getState().loadShareHistory('sandbox')
    await store.getState().createDownloadLinks(demo, ['a.txt'], { ...v4, expiresInSeconds: 60 })
    await store.getState().createDownloadLinks(demo, ['b.txt'], { ...v4, expiresInSeconds: 60 })
    await store.getState().createDownloadLinks(demo, ['c.txt'], { ...v4, expiresInSeconds: 3600 })
    advance(120)
    const linksOf = (key: string) =>
      store.getState().shareHistory?.links.filter((link) => link.key === key) ?? []
    const linkOf = (key: string) => linksOf(key)[0]
    const [old] = linksOf('a.txt')
    expect(Date.parse(old?.expiresAt ?? '')).toBeLessThan(START + 120_000)

    const resigned = await store.getState().resignLink(old?.id ?? '')
    expect(resigned.ok).toBe(true)
    expect(callsOf('shares.resign')[0]?.request).toEqual({ id: old?.id })
    // First in the history at once, valid for its 60 seconds from now; the old one stays.
    expect(store.getState().shareHistory?.links[0]?.key).toBe('a.txt')
    expect(linksOf('a.txt').map(({ expiresAt }) => expiresAt)).toEqual([
      new Date(START + 180_000).toISOString(),
      old?.expiresAt,
    ])
    expect(linkOf('a.txt')?.url).not.toBe(old?.url)
    await vi.waitFor(() => expect(callsOf('shares.history').length).toBeGreaterThan(4))
    expect(linksOf('a.txt')).toHaveLength(2)

    expect(await store.getState().forgetLink(linkOf('c.txt')?.id ?? '')).toBeNull()
    expect(linkOf('c.txt')).toBeUndefined()

    // b.txt and the first a.txt expired a minute ago; the re-signed a.txt did not.
    await store.getState().clearExpiredLinks('sandbox')
    await vi.waitFor(() =>
      expect(store.getState().shareHistory?.links.map(({ expiresAt }) => expiresAt)).toEqual([
        new Date(START + 180_000).toISOString(),
      ]),
    )
    expect(await store.getState().forgetLink('gone')).toMatchObject({ code: 'NOT_FOUND' })
    expect(store.getState().sharesError?.code).toBe('NOT_FOUND')
  })

  it('asks main whether SigV2 links work, keeping a known answer shown while it asks again', async () => {
    const { store, callsOf } = await setUp([], false)
    const asking = store.getState().checkSigV2('sandbox', 'demo')
    expect(store.getState().sigV2Checks.get('sandbox')).toEqual({ state: 'checking' })
    await asking
    const checked = {
      state: 'checked',
      support: { supported: false, detail: '403 AccessDenied' },
    }
    expect(store.getState().sigV2Checks.get('sandbox')).toMatchObject(checked)
    const again = store.getState().checkSigV2('sandbox', 'demo')
    expect(store.getState().sigV2Checks.get('sandbox')).toMatchObject(checked)
    await again
    expect(callsOf('shares.sigv2').map(({ request }) => request)).toEqual([
      { accountId: 'sandbox', bucket: 'demo', recheck: false },
      { accountId: 'sandbox', bucket: 'demo', recheck: false },
    ])
    await store.getState().checkSigV2('sandbox', 'demo', true)
    expect(callsOf('shares.sigv2')[2]?.request).toEqual({
      accountId: 'sandbox',
      bucket: 'demo',
      recheck: true,
    })
    // Main refuses a SigV2 link the endpoint was not found to accept.
    const refused = await store
      .getState()
      .createDownloadLinks(demo, ['a'], { ...v4, signature: 'v2', expiresInSeconds: 60 })
    expect(refused.ok).toBe(false)
  })
})

describe('choosing an expiry', () => {
  const custom = (amount: string, unit: 'minutes' | 'hours' | 'days' = 'days') =>
    ({ kind: 'custom', amount, unit }) as const

  it('rejects zero, negative and more than 7 days for SigV4, so Create stays disabled', () => {
    expect(expiryChoiceProblem(defaultExpiry, 'v4')).toBeNull()
    expect(expiryChoiceProblem(custom('0', 'minutes'), 'v4')).toBe(
      'A link must stay valid for at least one second.',
    )
    expect(expiryChoiceProblem(custom('-5', 'hours'), 'v4')).toBe(
      'A link must stay valid for at least one second.',
    )
    expect(expiryChoiceProblem(custom('8'), 'v4')).toMatch(/^SigV4 links live at most 7 days/)
    expect(expiryChoiceProblem(custom('7'), 'v4')).toBeNull()
    expect(expiryChoiceProblem(custom(''), 'v4')).toBe(
      'Enter a number: how long the link stays valid.',
    )
    expect(expiryChoiceProblem(custom('two'), 'v4')).toMatch(/^Enter a number/)
    expect(secondsOf(custom('1.5', 'hours'))).toBe(5400)
    // Custom starts from the preset chosen, in its largest whole unit.
    expect(customFrom(86_400)).toEqual(custom('1', 'days'))
    expect(customFrom(900)).toEqual(custom('15', 'minutes'))
    expect(customFrom(90)).toEqual(custom('1.5', 'minutes'))
  })

  it('offers longer presets only for SigV2 links, and falls back to 7 days without them', () => {
    expect(presetsFor('v4').map(({ label }) => label)).toEqual([
      '15 minutes',
      '1 hour',
      '1 day',
      '7 days',
    ])
    expect(presetsFor('v2').map(({ label }) => label)).toContain('1 year')
    const year = { kind: 'preset', seconds: 365 * 86_400 } as const
    expect(expiryChoiceProblem(year, 'v2')).toBeNull()
    expect(expiryChoiceProblem(custom('400'), 'v2')).toBeNull()
    expect(choiceForSignature(year, 'v4')).toEqual({
      kind: 'preset',
      seconds: SIGV4_MAX_EXPIRY_SECONDS,
    })
    expect(choiceForSignature(defaultExpiry, 'v4')).toBe(defaultExpiry)
    expect(choiceForSignature(custom('30'), 'v4')).toEqual(custom('30'))
  })

  it('guesses an upload content type from the extension', () => {
    expect(contentTypeFor('Report.PDF')).toBe('application/pdf')
    expect(contentTypeFor('notes.txt')).toBe('text/plain; charset=utf-8')
    expect(contentTypeFor('.env')).toBe('application/octet-stream')
    expect(contentTypeFor('data.unknown')).toBe('application/octet-stream')
  })
})
