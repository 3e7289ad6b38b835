/** The queue's settings, kept in transfer-settings.json in the data folder. */
import path from 'node:path'
import {
  DEFAULT_TRANSFER_SETTINGS,
  settingsRequest,
  type TransferSettings,
} from '../../../shared/transfers'
import { readJson, writeJsonAtomic } from '../atomic-file'

export type SettingsStore = {
  load(): Promise<TransferSettings>
  save(settings: TransferSettings): Promise<void>
}

export const createSettingsStore = (dataDir: string): SettingsStore => {
  const file = path.join(dataDir, 'transfer-settings.json')
  return {
    async load() {
      const stored: Record<string, unknown> = await readJson<Record<string, unknown>>(
        file,
        {},
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
