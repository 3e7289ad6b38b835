/** The queue's settings, kept in transfer-settings.json in the data folder. */
import path from 'node:path'
import { z } from 'zod'
import {
  DEFAULT_TRANSFER_SETTINGS,
  settingsRequest,
  type TransferSettings,
} from '../../../shared/transfers'
import { readValidated, writeJsonAtomic, type OnSetAside } from '../atomic-file'

/** Any object: its fields are checked one by one below, so one bad value costs only itself. */
const settingsFile = z.record(z.string(), z.unknown())

export type SettingsStore = {
  load(): Promise<TransferSettings>
  save(settings: TransferSettings): Promise<void>
}

export const createSettingsStore = (
  dataDir: string,
  onSetAside: OnSetAside = () => undefined,
): SettingsStore => {
  const file = path.join(dataDir, 'transfer-settings.json')
  return {
    async load() {
      // Not JSON, or not an object: set aside. Unreadable (permissions): the defaults, this time.
      const stored: Record<string, unknown> = await readValidated(
        file,
        settingsFile,
        {},
        onSetAside,
      ).catch(() => ({}))
      // Each field within the bounds the settings command allows (no part size under S3's
      // 5 MiB minimum); anything else falls back to the default.
      const pick = (name: keyof TransferSettings): number => {
        const parsed = settingsRequest.shape[name].safeParse(stored[name])
        return parsed.success && parsed.data !== undefined
          ? parsed.data
          : DEFAULT_TRANSFER_SETTINGS[name]
      }
      return {
        filesInFlight: pick('filesInFlight'),
        partsInFlight: pick('partsInFlight'),
        multipartThreshold: pick('multipartThreshold'),
        partSize: pick('partSize'),
      }
    },
    save: (settings) => writeJsonAtomic(file, settings),
  }
}
