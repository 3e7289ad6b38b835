/**
 * The core as hosted outside Electron (the web shell, `npm run sync`): the desktop app's data
 * folder and the same secret-store decision without its OS cipher — the keychain where this
 * machine has one, otherwise a file only the user can read.
 */
import { createCore, type Core } from './core'
import { openKeychainSecretStore } from './keychain-secret-store'
import { chooseSecretStore } from './secret-store-choice'
import { appVersion } from './version'

export const createHostedCore = async (dataDir: string): Promise<Core> =>
  createCore({
    dataDir,
    info: { version: appVersion, shell: 'web', platform: process.platform },
    secrets: await chooseSecretStore({
      dataDir,
      osCipher: null,
      openKeychain: openKeychainSecretStore,
    }),
  })
