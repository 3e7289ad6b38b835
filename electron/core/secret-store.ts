/**
 * Where account secrets live, apart from the account settings. Electron injects one backed by
 * the OS keychain (safeStorage); the web shell uses a file only the user can read.
 */
import path from 'node:path'
import { readJson, writeJsonAtomic } from './atomic-file'

export type SecretStore = {
  /** Shown to the user, e.g. "OS keychain" or "a file readable only by you". */
  readonly description: string
  readonly encrypted: boolean
  get(accountId: string): Promise<string | null>
  set(accountId: string, secret: string): Promise<void>
  delete(accountId: string): Promise<void>
}

/** Encrypt and decrypt strings; in Electron this is safeStorage. */
export type Cipher = {
  encrypt(plain: string): string
  decrypt(sealed: string): string
}

type SecretFile = Record<string, string>

export const createFileSecretStore = (
  dataDir: string,
  cipher: Cipher | null = null,
): SecretStore => {
  const file = path.join(dataDir, 'secrets.json')
  const load = (): Promise<SecretFile> => readJson<SecretFile>(file, {})
  return {
    description: cipher ? 'the OS keychain' : 'a file readable only by you',
    encrypted: cipher !== null,
    async get(accountId) {
      const sealed = (await load())[accountId]
      if (sealed === undefined) return null
      return cipher ? cipher.decrypt(sealed) : sealed
    },
    async set(accountId, secret) {
      const secrets = await load()
      secrets[accountId] = cipher ? cipher.encrypt(secret) : secret
      await writeJsonAtomic(file, secrets, 0o600)
    },
    async delete(accountId) {
      const remaining = Object.entries(await load()).filter(([id]) => id !== accountId)
      await writeJsonAtomic(file, Object.fromEntries(remaining), 0o600)
    },
  }
}
