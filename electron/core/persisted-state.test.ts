/**
 * The core's data files, as a user's machine may hold them: one that is damaged is set aside with
 * a dated name, the app starts with what it can read and says what it set aside; the folder and
 * files it writes are the user's only.
 */
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_TRANSFER_SETTINGS } from '../../shared/transfers'
import { createCore, type Core } from './core'
import { callerFor, type Caller } from './testing/caller'

let root: string
let dataDir: string
let core: Core | null = null

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dss-persisted-'))
  dataDir = root
})
afterEach(async () => {
  await core?.dispose()
  core = null
  await rm(root, { recursive: true, force: true })
})

const start = (): { core: Core; call: Caller; notices: string[] } => {
  const started = createCore({
    dataDir,
    info: { version: 'test', shell: 'web', platform: 'linux' },
  })
  core = started
  const notices: string[] = []
  started.events.on('app.notice', ({ message }) => notices.push(message))
  return { core: started, call: callerFor(started), notices }
}

const until = async <T>(probe: () => Promise<T | null>): Promise<T> => {
  for (;;) {
    const value = await probe()
    if (value !== null) return value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const modeOf = async (file: string): Promise<number> => (await stat(file)).mode & 0o777

const FILES = ['accounts.json', 'transfers.json', 'transfer-settings.json', 'share-links.json']

const aside = async (name: string): Promise<string[]> =>
  (await readdir(dataDir)).filter((entry) => entry.startsWith(`${name}.corrupt-`))

describe('damaged data files', () => {
  it.each(FILES)('%s: set aside, the app starts without it, a notice names it', async (name) => {
    await writeFile(path.join(dataDir, name), '{"version": 1, "truncated in the mid')
    const { call, notices } = start()
    // Every command that needs the file works, with nothing from it.
    expect(await call('accounts.list', {})).toHaveLength(1) // the sandbox
    expect((await call('transfers.list', {})).transfers).toEqual([])
    expect(await call('transfers.settings', {})).toEqual(DEFAULT_TRANSFER_SETTINGS)
    expect(await call('shares.history', { accountId: 'any' })).toEqual([])
    const [movedTo] = await aside(name)
    expect(movedTo).toBeDefined()
    expect(await readFile(path.join(dataDir, movedTo ?? ''), 'utf8')).toBe(
      '{"version": 1, "truncated in the mid',
    )
    // Told as it happened, and to any window that asks later (app.info).
    const info = await call('app.info', {})
    expect(info.notices).toEqual([expect.stringContaining(`${name} in ${dataDir} was damaged`)])
    expect(info.notices?.[0]).toContain(`set aside as ${movedTo}`)
    expect(notices).toEqual(info.notices)
  })

  it('keeps the accounts that parse from a file where one does not', async () => {
    const good = {
      id: 'kept',
      name: 'Kept',
      kind: 'custom',
      endpoint: 'https://s3.example.test',
      region: 'us-east-1',
      forcePathStyle: true,
      accessKeyId: 'AKIDKEPT',
      caFile: null,
      rateLimit: 100,
    }
    await writeFile(
      path.join(dataDir, 'accounts.json'),
      JSON.stringify({ version: 1, accounts: [good, { ...good, id: 'lost', kind: 'ftp' }] }),
    )
    const { call } = start()
    const ids = (await call('accounts.list', {})).map((account) => account.id)
    expect(ids).toEqual(['sandbox', 'kept'])
    expect(await aside('accounts.json')).toHaveLength(1)
    expect((await call('app.info', {})).notices).toEqual([
      expect.stringMatching(/^Your saved accounts could not be read/),
    ])
  })

  it('an account saved after the start lands in a new accounts.json', async () => {
    await writeFile(path.join(dataDir, 'accounts.json'), 'not json at all')
    const { call } = start()
    await call('accounts.list', {})
    await call('accounts.save', {
      draft: {
        name: 'New',
        kind: 'custom',
        endpoint: 'https://s3.example.test',
        accessKeyId: 'AKIDNEW',
        secretAccessKey: 'secret',
      },
    })
    const saved = JSON.parse(await readFile(path.join(dataDir, 'accounts.json'), 'utf8')) as {
      accounts: { name: string }[]
    }
    expect(saved.accounts.map((account) => account.name)).toEqual(['New'])
    expect(await aside('accounts.json')).toHaveLength(1)
  })
})

describe('private data', () => {
  it('the data folder becomes 0700 and what the app writes is 0600', async () => {
    // As an earlier build left it: readable by everyone.
    await chmod(dataDir, 0o755)
    await writeFile(path.join(dataDir, 'transfer-settings.json'), '{}', { mode: 0o644 })
    const { call } = start()
    await call('accounts.save', {
      draft: {
        name: 'Private',
        kind: 'custom',
        endpoint: 'https://s3.example.test',
        accessKeyId: 'AKIDPRIVATE',
        secretAccessKey: 'secret',
      },
    })
    await call('transfers.settings', { partsInFlight: 3 })
    await until(async () => ((await modeOf(dataDir)) === 0o700 ? true : null))
    expect(await modeOf(dataDir)).toBe(0o700)
    expect(await modeOf(path.join(dataDir, 'logs'))).toBe(0o700)
    for (const file of ['accounts.json', 'transfer-settings.json', 'secrets.json']) {
      expect(await modeOf(path.join(dataDir, file))).toBe(0o600)
    }
  })

  it('a data folder the app makes itself is 0700 from the start', async () => {
    dataDir = path.join(dataDir, 'made', 'by', 'the', 'app')
    const { call } = start()
    await call('transfers.settings', { partsInFlight: 2 })
    expect(await modeOf(dataDir)).toBe(0o700)
    expect(await modeOf(path.join(dataDir, 'transfer-settings.json'))).toBe(0o600)
  })
})
