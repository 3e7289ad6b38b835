/**
 * Where the booted app keeps an account's secret, by safeStorage's backend (DSS.md §4): the OS
 * cipher only when the OS keeps its key; on Linux with basic_text (no keyring), the Secret Service
 * where there is one, else a file the UI says is only that.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AccountDraft } from '../../shared/contract'
import { openKeychainSecretStore } from '../core/keychain-secret-store'
import { startPrivateKeyring, type PrivateKeyring } from '../core/testing/private-keyring'
import { bootShell, type ElectronProcess } from './testing/boot-shell'
import { buildApp, type BuiltApp } from './testing/build-app'
import type { StandInConfig } from './testing/electron-stand-in'
import { dssOf } from './testing/shell-page'

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY-shell-test'

let built: BuiltApp
let keyring: PrivateKeyring
let work: string
let electron: ElectronProcess | null = null
const busAddress = process.env.DBUS_SESSION_BUS_ADDRESS

beforeAll(async () => {
  ;[built, keyring] = await Promise.all([buildApp(), startPrivateKeyring()])
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-shell-secrets-'))
}, 120_000)

afterEach(async () => {
  electron?.app.quit()
  await electron?.app.exited
  electron = null
  // The shell asks the keychain tools with this process's environment.
  if (busAddress === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS
  else process.env.DBUS_SESSION_BUS_ADDRESS = busAddress
})

afterAll(async () => {
  await keyring?.stop()
  await built?.remove()
  // Set up only if the keyring and the build came up.
  if (work) await rm(work, { recursive: true, force: true })
})

/** The endpoint is never reached: saving an account stores its secret and nothing else. */
const draft: AccountDraft = {
  name: 'Secrets',
  kind: 'custom',
  endpoint: 'https://127.0.0.1:9',
  accessKeyId: 'AKIASHELLTEST',
  secretAccessKey: SECRET,
}

const bootWith = async (name: string, backend: StandInConfig['backend']) => {
  const userData = path.join(work, name)
  electron = await bootShell(built.mainFile, {
    userData,
    downloads: path.join(work, `${name}-downloads`),
    backend,
  })
  const booted = electron
  await vi.waitFor(() => expect(booted.standIn.windows()[0]?.isVisible()).toBe(true), {
    timeout: 15_000,
  })
  const dss = dssOf(booted)
  const info = await dss.invoke('app.info', {})
  const saved = await dss.invoke('accounts.save', { draft })
  if (!info.ok || !saved.ok) throw new Error('app.info or accounts.save failed')
  const secrets = await readFile(path.join(userData, 'secrets.json'), 'utf8').catch(() => null)
  return { booted, userData, secretStorage: info.value.secretStorage, secrets, id: saved.value.id }
}

describe('secret storage', () => {
  it('uses safeStorage where the OS keeps its key (gnome_libsecret): sealed in the file', async () => {
    const { booted, secretStorage, secrets, id } = await bootWith('libsecret', 'gnome_libsecret')
    expect(secretStorage).toEqual({ description: 'the Secret Service keyring', encrypted: true })
    expect(booted.safeStorage.encrypted).toEqual([SECRET])
    expect(secrets).not.toContain(SECRET)
    expect(JSON.parse(secrets ?? '{}')[id]).toMatch(/^sealed:/)
  })

  it('with basic_text, keeps the secret in the Secret Service, never in safeStorage', async () => {
    process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS
    const { booted, secretStorage, secrets, id } = await bootWith('basic-keyring', 'basic_text')
    expect(secretStorage).toEqual({ description: 'the Secret Service keyring', encrypted: true })
    expect(booted.safeStorage.encrypted).toEqual([])
    expect(secrets).toBeNull()
    const { stdout } = await promisify(execFile)(
      'secret-tool',
      ['lookup', 'service', 'dss-explorer', 'account', id],
      { env: keyring.env },
    )
    expect(stdout).toBe(SECRET)
  })

  it('with basic_text and no Secret Service, says the secret is in a file readable only by you', async () => {
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path.join(work, 'no-bus')}`
    // The premise: no keyring answers in this environment.
    expect(await openKeychainSecretStore({ platform: 'linux' })).toBeNull()
    const { booted, userData, secretStorage, secrets, id } = await bootWith(
      'basic-file',
      'basic_text',
    )
    expect(secretStorage).toEqual({ description: 'a file readable only by you', encrypted: false })
    expect(booted.safeStorage.encrypted).toEqual([])
    expect(JSON.parse(secrets ?? '{}')).toEqual({ [id]: SECRET })
    expect((await stat(path.join(userData, 'secrets.json'))).mode & 0o777).toBe(0o600)
  })
})
