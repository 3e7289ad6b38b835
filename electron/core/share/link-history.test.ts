/** The link history: per account, newest first, capped, on disk, expired links marked and cleared. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { linkExpired, type ShareLink } from '../../../shared/share'
import type { Accounts } from '../accounts'
import { createEventBus } from '../event-bus'
import { createRedactor } from '../redactor'
import { capPerAccount, createLinkHistory } from './link-history'
import { createShareService } from './share-service'

let dataDir: string

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-share-history-'))
})
afterEach(() => rm(dataDir, { recursive: true, force: true }))

let serial = 0
const link = (accountId: string, overrides: Partial<ShareLink> = {}): ShareLink => {
  serial += 1
  return {
    id: `link-${serial}`,
    accountId,
    bucket: 'b',
    key: `k${serial}`,
    kind: 'download',
    signature: 'v4',
    url: `https://h/b/k${serial}?X-Amz-Signature=sig${serial}`,
    issuedAt: new Date(Date.UTC(2026, 10, 24, 10, 0, serial)).toISOString(),
    expiresAt: '2099-01-01T00:00:00.000Z',
    expiresInSeconds: 3600,
    downloadName: null,
    contentType: null,
    curl: null,
    ...overrides,
  }
}
const ids = (links: readonly ShareLink[]): string[] => links.map((item) => item.id)

describe('link history', () => {
  it('lists an account’s links newest first, apart from other accounts', async () => {
    const history = createLinkHistory(dataDir)
    const a1 = link('a')
    const a2 = link('a')
    const b1 = link('b')
    const a3 = link('a')
    for (const item of [a1, a2, b1, a3]) await history.add([item])
    expect(ids(await history.list('a'))).toEqual([a3.id, a2.id, a1.id])
    expect(ids(await history.list('b'))).toEqual([b1.id])
  })

  it('keeps at most the limit per account, dropping the oldest', async () => {
    const history = createLinkHistory(dataDir, { limit: 3 })
    const first = [link('a'), link('a')]
    const busy = [link('a'), link('a'), link('a')]
    const other = link('b')
    await history.add(first)
    await history.add([other])
    await history.add(busy)
    expect(ids(await history.list('a'))).toEqual(ids(busy))
    expect(ids(await history.list('b'))).toEqual([other.id])
    const [x1, y1, x2, x3] = [link('x'), link('y'), link('x'), link('x')]
    expect(ids(capPerAccount([x1, y1, x2, x3], 2))).toEqual([x1.id, y1.id, x2.id])
  })

  it('survives a restart in a file only the user can read, and forgets a removed account', async () => {
    const first = createLinkHistory(dataDir)
    const [a, b] = [link('a'), link('b')]
    await first.add([a, b])
    await first.setSigv2({
      accountId: 'a',
      endpoint: 'https://h',
      supported: true,
      detail: '404 NoSuchKey: SigV2 accepted',
      checkedAt: '2026-11-24T10:00:00.000Z',
    })
    const file = path.join(dataDir, 'share-links.json')
    expect((await stat(file)).mode & 0o777).toBe(0o600)

    const second = createLinkHistory(dataDir)
    expect(await second.list('a')).toEqual([a])
    expect(await second.sigv2('a')).toMatchObject({ supported: true, endpoint: 'https://h' })
    await second.dropAccount('a')
    expect(await second.list('a')).toEqual([])
    expect(await second.sigv2('a')).toBeUndefined()
    expect(await readFile(file, 'utf8')).not.toContain(a.url)
    expect(await createLinkHistory(dataDir).list('b')).toEqual([b])
  })

  it('applies concurrent changes in order, none lost', async () => {
    const history = createLinkHistory(dataDir)
    const links = Array.from({ length: 20 }, () => link('a'))
    await Promise.all(links.map((item) => history.add([item])))
    expect(ids(await history.list('a'))).toEqual(ids(links).reverse())
    expect(ids(await createLinkHistory(dataDir).list('a'))).toEqual(ids(links).reverse())
  })

  it('sets a damaged file aside, says so, and starts a new history', async () => {
    await writeFile(path.join(dataDir, 'share-links.json'), '{ broken')
    const setAside: string[] = []
    const history = createLinkHistory(dataDir, {
      onSetAside: ({ movedTo }) => setAside.push(path.basename(movedTo)),
    })
    expect(await history.list('a')).toEqual([])
    expect(setAside).toEqual([expect.stringMatching(/^share-links\.json\.corrupt-/)])
    expect(await readFile(path.join(dataDir, setAside[0] ?? ''), 'utf8')).toBe('{ broken')
    await history.add([link('a')])
    expect(await createLinkHistory(dataDir).list('a')).toHaveLength(1)
  })

  it('keeps the links that parse from a file where one does not', async () => {
    const good = link('a')
    await writeFile(
      path.join(dataDir, 'share-links.json'),
      JSON.stringify({ version: 1, links: [good, { ...link('a'), url: 42 }], sigv2: [] }),
    )
    const setAside: string[] = []
    const history = createLinkHistory(dataDir, {
      onSetAside: ({ movedTo }) => setAside.push(movedTo),
    })
    expect(await history.list('a')).toEqual([good])
    expect(setAside).toHaveLength(1)
    // What could be read is the new file; the whole old one waits beside it.
    expect(await createLinkHistory(dataDir).list('a')).toEqual([good])
  })
})

describe('expired links', () => {
  const now = Date.parse('2026-11-24T12:00:00.000Z')

  it('are marked by their expiry time', () => {
    expect(linkExpired({ expiresAt: '2026-11-24T11:59:59.999Z' }, now)).toBe(true)
    expect(linkExpired({ expiresAt: '2026-11-24T12:00:00.000Z' }, now)).toBe(true)
    expect(linkExpired({ expiresAt: '2026-11-24T12:00:00.001Z' }, now)).toBe(false)
  })

  it('are cleared for one account only, with a shares.changed event', async () => {
    const events = createEventBus()
    const changed: string[] = []
    events.on('shares.changed', ({ accountId }) => changed.push(accountId))
    const history = createLinkHistory(dataDir)
    const past = '2020-01-01T00:00:00.000Z'
    const [oldA, liveA, oldB] = [
      link('a', { expiresAt: past }),
      link('a'),
      link('b', { expiresAt: past }),
    ]
    await history.add([oldA, liveA, oldB])
    // Clearing needs no connection: an account service that is never asked.
    const accounts = {
      connection: () => Promise.reject(new Error('no connection in this test')),
    } as unknown as Accounts
    const shares = createShareService({
      dataDir,
      accounts,
      events,
      redactor: createRedactor(),
      history,
    })

    await shares.clearExpired('a')
    expect(ids(await shares.history('a'))).toEqual([liveA.id])
    expect(ids(await shares.history('b'))).toEqual([oldB.id])
    expect(changed).toEqual(['a'])

    await shares.forget(liveA.id)
    await shares.forget('no-such-link')
    expect(await shares.history('a')).toEqual([])
    expect(changed).toEqual(['a', 'a'])
    await expect(shares.resign('no-such-link')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
