/** The queue's settings, kept in transfer-settings.json in the data folder. */
import path from 'node:path'
import { DEFAULT_TRANSFER_SETTINGS, type TransferSettings } from '../../../shared/transfers'
import { readJson, writeJsonAtomic } from '../atomic-file'

export type SettingsStore = {
  load(): Promise<TransferSettings>
  save(settings: TransferSettings): Promise<void>
}

export const createSettingsStore = (dataDir: string): SettingsStore => {
  const file = path.join(dataDir, 'transfer-settings.json')
  return {
    async load() {
      const stored: Partial<TransferSettings> = await readJson<Partial<TransferSettings>>(
        file,
        {},
      ).catch(() => ({}))
      // Only known numeric fields are taken; anything else falls back to the default.
      const pick = (name: keyof TransferSettings): number => {
        const value = stored[name]
        return typeof value === 'number' && Number.isInteger(value) && value > 0
          ? value
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
