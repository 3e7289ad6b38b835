import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_TRANSFER_SETTINGS, MIB } from '../../../shared/transfers'
import { createSettingsStore } from './transfer-settings'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dss-settings-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const stored = (content: string) => writeFile(path.join(dir, 'transfer-settings.json'), content)

describe('transfer settings store', () => {
  it('keeps what is within the bounds the settings command allows', async () => {
    const settings = {
      filesInFlight: 3,
      partsInFlight: 2,
      multipartThreshold: 5 * MIB,
      partSize: 5 * MIB + 1,
    }
    await createSettingsStore(dir).save(settings)
    expect(await createSettingsStore(dir).load()).toEqual(settings)
  })

  it('takes the default for a value out of bounds: no part size under 5 MiB from a hand-edited file', async () => {
    await stored(
      JSON.stringify({
        filesInFlight: 0,
        partsInFlight: 'six',
        multipartThreshold: 1,
        partSize: 1024,
      }),
    )
    expect(await createSettingsStore(dir).load()).toEqual(DEFAULT_TRANSFER_SETTINGS)
    await stored(JSON.stringify({ partSize: 6 * 1024 * MIB, multipartThreshold: 2.5 * MIB }))
    expect(await createSettingsStore(dir).load()).toEqual(DEFAULT_TRANSFER_SETTINGS)
  })

  it('takes the defaults for a missing or unreadable file', async () => {
    expect(await createSettingsStore(dir).load()).toEqual(DEFAULT_TRANSFER_SETTINGS)
    await stored('{ not json')
    expect(await createSettingsStore(dir).load()).toEqual(DEFAULT_TRANSFER_SETTINGS)
  })
})
