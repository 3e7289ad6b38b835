/**
 * Where account secrets live, apart from the account settings: a file only the user can read,
 * each secret sealed by the OS's encryption when the shell has a real one (Electron's
 * safeStorage), plain otherwise. The store chosen for each shell is secret-store-choice.ts.
 */
import path from 'node:path'
import { readJson, writeJsonAtomic } from './atomic-file'

export type SecretStore = {
  /** Shown to the user, e.g. "the macOS keychain" or "a file readable only by you". */
  readonly description: string
  readonly encrypted: boolean
  get(accountId: string): Promise<string | null>
  set(accountId: string, secret: string): Promise<void>
  delete(accountId: string): Promise<void>
}

/** Encrypt and decrypt strings with a key the OS keeps; in Electron this is safeStorage. */
export type Cipher = {
  /** Where that key is kept, as the user reads it: "the Secret Service keyring". */
  readonly description: string
  encrypt(plain: string): Promise<string>
  decrypt(sealed: string): Promise<string>
}

export const FILE_ONLY_DESCRIPTION = 'a file readable only by you'

/**
 * Sealed values carry this mark, so a shell that has no cipher (the web shell, on the same data
 * folder) never mistakes one for the secret itself.
 */
const SEALED = 'sealed:'

type SecretFile = Record<string, string>

export const createFileSecretStore = (
  dataDir: string,
  cipher: Cipher | null = null,
): SecretStore => {
  const file = path.join(dataDir, 'secrets.json')
  const load = (): Promise<SecretFile> => readJson<SecretFile>(file, {})
  return {
    description: cipher ? cipher.description : FILE_ONLY_DESCRIPTION,
    encrypted: cipher !== null,
    async get(accountId) {
      const stored = (await load())[accountId]
      if (stored === undefined) return null
      if (!stored.startsWith(SEALED)) return stored
      // Sealed by a shell with a cipher this one lacks: as good as not saved, so it is asked for.
      return cipher ? cipher.decrypt(stored.slice(SEALED.length)) : null
    },
    async set(accountId, secret) {
      const secrets = await load()
      secrets[accountId] = cipher ? SEALED + (await cipher.encrypt(secret)) : secret
      await writeJsonAtomic(file, secrets, 0o600)
    },
    async delete(accountId) {
      const remaining = Object.entries(await load()).filter(([id]) => id !== accountId)
      await writeJsonAtomic(file, Object.fromEntries(remaining), 0o600)
    },
  }
}
