/** One data folder for every way the app runs, and the move of data from the folders before it. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dataDirFor, legacyDataDirsFor, moveLegacyData, pickLegacySource } from './data-dir'

describe('dataDirFor', () => {
  it('is the same "dss-explorer" folder in the platform’s place for app data', () => {
    expect(dataDirFor({ platform: 'linux', env: {}, home: '/home/ann' })).toBe(
      '/home/ann/.config/dss-explorer',
    )
    expect(
      dataDirFor({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/home/ann' }),
    ).toBe('/x/dss-explorer')
    expect(dataDirFor({ platform: 'darwin', env: {}, home: '/Users/ann' })).toBe(
      '/Users/ann/Library/Application Support/dss-explorer',
    )
    expect(
      dataDirFor({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
        home: 'C:\\Users\\ann',
      }),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\dss-explorer')
  })

  it('follows DSS_EXPLORER_DATA_DIR, and then moves nothing', () => {
    const input = { platform: 'linux' as const, env: { DSS_EXPLORER_DATA_DIR: '/d' }, home: '/h' }
    expect(dataDirFor(input)).toBe('/d')
    expect(legacyDataDirsFor(input)).toEqual([])
  })

  it('knows the folders Electron picked before: the product name, then a run on a file', () => {
    expect(legacyDataDirsFor({ platform: 'linux', env: {}, home: '/h' })).toEqual([
      '/h/.config/DSS Explorer',
      '/h/.config/Electron',
    ])
  })
})

describe('pickLegacySource', () => {
  const set = (...names: string[]) => new Set(names)
  it('never mixes two histories: a folder with data of its own takes nothing', () => {
    expect(
      pickLegacySource(set('accounts.json'), [{ dir: '/old', entries: set('accounts.json') }]),
    ).toBeNull()
    expect(pickLegacySource(set('sandbox'), [{ dir: '/old', entries: set('sandbox') }])).toBeNull()
  })

  it('takes the first folder that has accounts or a sandbox, not one with only Chromium’s files', () => {
    expect(
      pickLegacySource(set('Cache'), [
        { dir: '/product', entries: set('Cache', 'Local Storage') },
        { dir: '/electron', entries: set('sandbox', 'logs') },
      ]),
    ).toBe('/electron')
    expect(pickLegacySource(set(), [{ dir: '/x', entries: set('Cache') }])).toBeNull()
  })
})

describe('moveLegacyData', () => {
  let root: string
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('moves only the app’s entries from the old folder, and only once', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'dss-data-dir-'))
    const old = path.join(root, 'Electron')
    const target = path.join(root, 'dss-explorer')
    await mkdir(path.join(old, 'sandbox', 'data'), { recursive: true })
    await writeFile(path.join(old, 'accounts.json'), '{"accounts":[]}')
    await writeFile(path.join(old, 'sandbox', 'data', 'x'), 'object')
    // Another Electron app's file in the shared "Electron" folder stays where it is.
    await writeFile(path.join(old, 'Preferences'), 'someone else’s')

    expect(await moveLegacyData(target, [path.join(root, 'DSS Explorer'), old])).toBe(old)
    expect((await readdir(target)).sort()).toEqual(['accounts.json', 'sandbox'])
    expect(await readFile(path.join(target, 'sandbox', 'data', 'x'), 'utf8')).toBe('object')
    expect(await readdir(old)).toEqual(['Preferences'])

    await mkdir(path.join(old, 'sandbox'))
    await writeFile(path.join(old, 'accounts.json'), '{"later":true}')
    expect(await moveLegacyData(target, [old])).toBeNull()
    expect(await readFile(path.join(target, 'accounts.json'), 'utf8')).toBe('{"accounts":[]}')
  })
})
