/**
 * The desktop app's secret store: Electron's safeStorage where the OS really keeps its key, else
 * the same keychain tools as the web shell, else a file said to be only that. The decision is
 * electron/core/secret-store-choice.ts, shared with the web shell.
 */
import { safeStorage } from 'electron'
import { openKeychainSecretStore } from '../core/keychain-secret-store'
import type { Cipher, SecretStore } from '../core/secret-store'
import { chooseSecretStore, describeOsEncryption } from '../core/secret-store-choice'

/** Call once the app is ready: before that safeStorage reports its backend as 'unknown'. */
const osCipher = async (): Promise<Cipher | null> => {
  const description = describeOsEncryption({
    platform: process.platform,
    available: await safeStorage.isAsyncEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
  })
  if (!description) return null
  return {
    description,
    encrypt: async (plain) => (await safeStorage.encryptStringAsync(plain)).toString('base64'),
    decrypt: async (sealed) =>
      (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result,
  }
}

export const openSecretStore = async (dataDir: string): Promise<SecretStore> =>
  chooseSecretStore({ dataDir, osCipher: await osCipher(), openKeychain: openKeychainSecretStore })
