/**
 * The stand-in's smaller services: safeStorage with its Linux backends, shell, dialog,
 * Notification and screen. Each records what the shell asked of it, for tests to read.
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type { StandInApp } from './stand-in-app'

type Backend = ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>

/** The password behind basic_text: a constant in Chromium's source, so it protects nothing. */
const BASIC_TEXT_PASSWORD = 'peanuts'
/** A keyring's password is random and kept by the keyring; one per machine is enough here. */
const KEYRING_PASSWORD = randomBytes(16).toString('base64')

/**
 * Encrypts as Chromium's OSCrypt does on Linux: AES-128-CBC, a key from PBKDF2-SHA1 with salt
 * "saltysalt", one iteration, an IV of 16 spaces, and the version prefix v10 (fixed password) or
 * v11 (a keyring's).
 */
export class StandInSafeStorage implements Pick<
  Electron.SafeStorage,
  | 'isEncryptionAvailable'
  | 'isAsyncEncryptionAvailable'
  | 'encryptString'
  | 'decryptString'
  | 'encryptStringAsync'
  | 'getSelectedStorageBackend'
  | 'setUsePlainTextEncryption'
> {
  backend: Exclude<Backend, 'unknown'> = 'gnome_libsecret'
  /** Every string it encrypted, for tests that must see it was (or was not) used. */
  readonly encrypted: string[] = []

  constructor(private readonly app: StandInApp) {}

  /** Documented: 'unknown' until the app is ready. */
  getSelectedStorageBackend(): Backend {
    return this.app.isReady() ? this.backend : 'unknown'
  }

  /** On Linux: once ready; basic_text counts as available, which is why its name must be checked. */
  isEncryptionAvailable(): boolean {
    return this.app.isReady()
  }

  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.app.isReady()
  }

  setUsePlainTextEncryption(usePlainText: boolean): void {
    if (usePlainText) this.backend = 'basic_text'
  }

  encryptString(plainText: string): Buffer {
    if (!this.app.isReady()) throw new Error('Encryption is not available.')
    this.encrypted.push(plainText)
    const cipher = createCipheriv('aes-128-cbc', this.key(), Buffer.alloc(16, ' '))
    return Buffer.concat([
      Buffer.from(this.prefix()),
      cipher.update(plainText, 'utf8'),
      cipher.final(),
    ])
  }

  decryptString(encrypted: Buffer): string {
    if (encrypted.subarray(0, 3).toString() !== this.prefix()) {
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
      )
    }
    const decipher = createDecipheriv('aes-128-cbc', this.key(), Buffer.alloc(16, ' '))
    return Buffer.concat([decipher.update(encrypted.subarray(3)), decipher.final()]).toString(
      'utf8',
    )
  }

  async encryptStringAsync(plainText: string): Promise<Buffer> {
    return this.encryptString(plainText)
  }

  async decryptStringAsync(
    encrypted: Buffer,
  ): Promise<{ shouldReEncrypt: boolean; result: string }> {
    return { shouldReEncrypt: false, result: this.decryptString(encrypted) }
  }

  private prefix(): string {
    return this.backend === 'basic_text' ? 'v10' : 'v11'
  }

  private key(): Buffer {
    const password = this.backend === 'basic_text' ? BASIC_TEXT_PASSWORD : KEYRING_PASSWORD
    return pbkdf2Sync(password, 'saltysalt', 1, 16, 'sha1')
  }
}

export type ShellRecord = { readonly opened: string[]; readonly shown: string[] }

export const createShellStandIn = (record: ShellRecord) =>
  ({
    openExternal: async (url: string, _options?: Electron.OpenExternalOptions): Promise<void> => {
      record.opened.push(url)
    },
    showItemInFolder: (fullPath: string): void => {
      record.shown.push(fullPath)
    },
    openPath: async (path: string): Promise<string> => {
      record.shown.push(path)
      return ''
    },
  }) satisfies Pick<Electron.Shell, 'openExternal' | 'showItemInFolder' | 'openPath'>

/** The OS open dialogs the shell asked for, and what the next one answers. */
export type OpenDialogRecord = {
  readonly asked: { readonly parent: unknown; readonly options: Electron.OpenDialogOptions }[]
  answer: Electron.OpenDialogReturnValue
}

export const createDialogStandIn = (
  errors: { title: string; content: string }[],
  opened: OpenDialogRecord,
) => ({
  ...({
    showErrorBox: (title: string, content: string): void => {
      errors.push({ title, content })
    },
  } satisfies Pick<Electron.Dialog, 'showErrorBox'>),
  /** As Electron's: (window, options) or (options); answers `opened.answer`. */
  showOpenDialog: async (
    first: unknown,
    second?: Electron.OpenDialogOptions,
  ): Promise<Electron.OpenDialogReturnValue> => {
    const options = second ?? (first as Electron.OpenDialogOptions)
    opened.asked.push({ parent: second ? first : null, options })
    return opened.answer
  },
})

/** Every notification shown in this process. */
export const shownNotifications: StandInNotification[] = []

export class StandInNotification
  extends EventEmitter
  implements Pick<Electron.Notification, 'show' | 'close' | 'title' | 'body' | 'silent'>
{
  static isSupported(): boolean {
    return true
  }

  title: string
  body: string
  silent: boolean

  constructor(options: Electron.NotificationConstructorOptions = {}) {
    super()
    this.title = options.title ?? ''
    this.body = options.body ?? ''
    this.silent = options.silent ?? false
  }

  show(): void {
    shownNotifications.push(this)
    this.emit('show', {})
  }

  close(): void {
    this.emit('close', {})
  }
}

/** What the stand-in needs of a display; Electron's Display has many more fields. */
export type StandInDisplay = {
  readonly id: number
  readonly bounds: Electron.Rectangle
  readonly workArea: Electron.Rectangle
  readonly scaleFactor: number
}

export const displayAt = (
  id: number,
  bounds: Electron.Rectangle,
  taskbar = 40,
): StandInDisplay => ({
  id,
  bounds,
  workArea: { ...bounds, height: bounds.height - taskbar },
  scaleFactor: 1,
})

/** Documented: the screen module cannot be used until the app is ready. */
export const createScreenStandIn = (app: StandInApp, displays: () => readonly StandInDisplay[]) => {
  const check = (): readonly StandInDisplay[] => {
    if (!app.isReady())
      throw new Error("The 'screen' module can't be used before the app 'ready' event")
    return displays()
  }
  return {
    getAllDisplays: (): StandInDisplay[] => [...check()],
    getPrimaryDisplay: (): StandInDisplay => {
      const [primary] = check()
      if (!primary) throw new Error('no display')
      return primary
    },
  }
}
