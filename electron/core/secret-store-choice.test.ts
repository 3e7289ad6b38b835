import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chooseSecretStore, describeOsEncryption } from './secret-store-choice'
import { createFileSecretStore, type Cipher, type SecretStore } from './secret-store'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-secrets-'))
})
afterEach(() => rm(dataDir, { recursive: true, force: true }))

/** Reversible and visibly not the secret, like any cipher's output. */
const testCipher: Cipher = {
  description: 'the test keyring',
  encrypt: async (plain) => Buffer.from(plain).reverse().toString('base64'),
  decrypt: async (sealed) => Buffer.from(sealed, 'base64').reverse().toString(),
}

const keychain: SecretStore = {
  description: 'the Secret Service keyring',
  encrypted: true,
  get: async () => null,
  set: async () => undefined,
  delete: async () => undefined,
}

describe("safeStorage's backends", () => {
  it('count as protection only where the OS keeps the key', () => {
    const linux = (linuxBackend: string) =>
      describeOsEncryption({ platform: 'linux', available: true, linuxBackend })
    expect(linux('gnome_libsecret')).toBe('the Secret Service keyring')
    expect(linux('kwallet5')).toBe('KWallet')
    expect(linux('kwallet6')).toBe('KWallet')
    // A fixed key in Chromium's source, and "not ready yet": neither protects anything.
    expect(linux('basic_text')).toBeNull()
    expect(linux('unknown')).toBeNull()
    expect(describeOsEncryption({ platform: 'darwin', available: true, linuxBackend: null })).toBe(
      'the macOS keychain',
    )
    expect(describeOsEncryption({ platform: 'win32', available: true, linuxBackend: null })).toBe(
      'Windows data protection for your account',
    )
    expect(
      describeOsEncryption({ platform: 'darwin', available: false, linuxBackend: null }),
    ).toBeNull()
  })
})

describe('the secret store chosen', () => {
  it('is the OS cipher when there is a real one, without asking the keychain tools', async () => {
    let asked = 0
    const store = await chooseSecretStore({
      dataDir,
      osCipher: testCipher,
      openKeychain: async () => {
        asked += 1
        return keychain
      },
    })
    expect(store).toMatchObject({ description: 'the test keyring', encrypted: true })
    expect(asked).toBe(0)
  })

  it('is the keychain through its tools when there is no OS cipher (as in the web shell)', async () => {
    const store = await chooseSecretStore({
      dataDir,
      osCipher: null,
      openKeychain: async () => keychain,
    })
    expect(store).toBe(keychain)
  })

  it('is a file, said to be only that, when there is neither', async () => {
    const store = await chooseSecretStore({
      dataDir,
      osCipher: null,
      openKeychain: async () => null,
    })
    expect(store).toMatchObject({ description: 'a file readable only by you', encrypted: false })
    await store.set('a1', 'plain secret')
    const onDisk = JSON.parse(await readFile(path.join(dataDir, 'secrets.json'), 'utf8'))
    expect(onDisk).toEqual({ a1: 'plain secret' })
  })
})

describe('the file store', () => {
  it('seals secrets with the cipher and reads them back', async () => {
    const store = createFileSecretStore(dataDir, testCipher)
    await store.set('a1', 'AKIA/secret+key')
    const onDisk = JSON.parse(await readFile(path.join(dataDir, 'secrets.json'), 'utf8'))
    expect(onDisk.a1).toMatch(/^sealed:/)
    expect(onDisk.a1).not.toContain('AKIA/secret+key')
    expect(await store.get('a1')).toBe('AKIA/secret+key')
  })

  it('never hands out a sealed value as the secret where there is no cipher', async () => {
    await createFileSecretStore(dataDir, testCipher).set('a1', 'secret')
    expect(await createFileSecretStore(dataDir).get('a1')).toBeNull()
  })

  it('reads a secret saved without a cipher where there is one', async () => {
    await createFileSecretStore(dataDir).set('a1', 'secret')
    expect(await createFileSecretStore(dataDir, testCipher).get('a1')).toBe('secret')
  })
})
