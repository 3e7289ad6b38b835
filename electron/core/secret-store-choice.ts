/**
 * Where account secrets are kept — one decision for both shells: the OS's own encryption when it
 * is a real one, else the OS keychain through its command-line tools (keychain-secret-store.ts),
 * else a file only the user can read. The store's description is what the UI shows, so it never
 * claims a keychain the machine does not have.
 */
import { createFileSecretStore, type Cipher, type SecretStore } from './secret-store'

/** What Electron's safeStorage says about itself. */
export type OsEncryption = {
  readonly platform: NodeJS.Platform
  readonly available: boolean
  /** `safeStorage.getSelectedStorageBackend()`, asked on Linux only. */
  readonly linuxBackend: string | null
}

/**
 * Where safeStorage keeps its key, or null when that protects nothing: on Linux without a keyring
 * it falls back to `basic_text`, a key fixed in Chromium's source (DSS.md §4).
 */
export const describeOsEncryption = ({
  platform,
  available,
  linuxBackend,
}: OsEncryption): string | null => {
  if (!available) return null
  if (platform === 'darwin') return 'the macOS keychain'
  if (platform === 'win32') return 'Windows data protection for your account'
  if (platform !== 'linux') return null
  if (linuxBackend === 'gnome_libsecret') return 'the Secret Service keyring'
  if (linuxBackend?.startsWith('kwallet')) return 'KWallet'
  return null
}

export const chooseSecretStore = async (options: {
  readonly dataDir: string
  /** A cipher only when describeOsEncryption found a real one; the web shell has none. */
  readonly osCipher: Cipher | null
  readonly openKeychain: () => Promise<SecretStore | null>
}): Promise<SecretStore> => {
  if (options.osCipher) return createFileSecretStore(options.dataDir, options.osCipher)
  return (await options.openKeychain()) ?? createFileSecretStore(options.dataDir)
}
