/** The OS keychain (Electron safeStorage) as the secret store's cipher. */
import { safeStorage } from 'electron'
import type { Cipher } from '../core/secret-store'

export const safeStorageCipher = (): Cipher | null =>
  safeStorage.isEncryptionAvailable()
    ? {
        encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
        decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
      }
    : null
