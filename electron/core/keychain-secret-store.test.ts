/**
 * The keychain store against a real Secret Service: each run starts its own D-Bus session and an
 * unlocked GNOME Keyring in a temporary home (.ci/run installs libsecret-tools and gnome-keyring).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openKeychainSecretStore } from './keychain-secret-store'
import { startPrivateKeyring, type PrivateKeyring } from './testing/private-keyring'

let keyring: PrivateKeyring
let env: NodeJS.ProcessEnv
let home: string

beforeAll(async () => {
  keyring = await startPrivateKeyring()
  ;({ env, home } = keyring)
})

afterAll(() => keyring.stop())

describe('keychain secret store', () => {
  it('keeps, reads, replaces and deletes secrets in the Secret Service', async () => {
    const store = await openKeychainSecretStore({ platform: 'linux', env })
    expect(store).not.toBeNull()
    if (!store) return
    expect(store.encrypted).toBe(true)
    expect(await store.get('acct-1')).toBeNull()
    await store.set('acct-1', 'wJalr "quoted" \\ secret/with+chars')
    expect(await store.get('acct-1')).toBe('wJalr "quoted" \\ secret/with+chars')
    await store.set('acct-1', 'replaced')
    expect(await store.get('acct-1')).toBe('replaced')
    await store.delete('acct-1')
    expect(await store.get('acct-1')).toBeNull()
  })

  it('is unavailable without a Secret Service, so the caller falls back to a file', async () => {
    const store = await openKeychainSecretStore({
      platform: 'linux',
      env: {
        PATH: process.env.PATH,
        HOME: home,
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${home}/no-bus`,
      },
    })
    expect(store).toBeNull()
  })

  it('is unavailable on platforms without a command-line keychain', async () => {
    expect(await openKeychainSecretStore({ platform: 'win32', env })).toBeNull()
  })
})
