/**
 * The app's one data folder — the same for the packaged app, a development run and the web shell —
 * and the move of data left by earlier builds in the folders Electron would have picked itself
 * ("DSS Explorer" from the product name, "Electron" for a run started on a file).
 */
import { mkdir, readdir, rename } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export const APP_DIR_NAME = 'dss-explorer'

/** What the folder choice depends on, so it can be decided (and tested) for any platform. */
export type DataDirInput = {
  readonly platform: NodeJS.Platform
  readonly env: Readonly<Record<string, string | undefined>>
  readonly home: string
}

/** Where each platform keeps per-user application data (Electron's `appData`). */
export const appDataDirFor = ({ platform, env, home }: DataDirInput): string => {
  const join = platform === 'win32' ? path.win32.join : path.posix.join
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME ?? join(home, '.config')
}

export const dataDirFor = (input: DataDirInput): string => {
  if (input.env.DSS_EXPLORER_DATA_DIR) return input.env.DSS_EXPLORER_DATA_DIR
  const join = input.platform === 'win32' ? path.win32.join : path.posix.join
  return join(appDataDirFor(input), APP_DIR_NAME)
}

/** Folders earlier builds may have written to, in the order they are looked at. */
export const legacyDataDirsFor = (input: DataDirInput): string[] => {
  if (input.env.DSS_EXPLORER_DATA_DIR) return []
  const join = input.platform === 'win32' ? path.win32.join : path.posix.join
  const appData = appDataDirFor(input)
  return [join(appData, 'DSS Explorer'), join(appData, 'Electron')]
}

const thisMachine = (): DataDirInput => ({
  platform: process.platform,
  env: process.env,
  home: os.homedir(),
})

export const defaultDataDir = (): string => dataDirFor(thisMachine())

/**
 * What the app keeps in its data folder: the only entries moved from an earlier folder (Electron's
 * is shared with other apps) or made private at start (private-data.ts).
 */
export const APP_FILES = [
  'accounts.json',
  'secrets.json',
  'share-links.json',
  'transfers.json',
  'transfers.parts',
  'transfer-settings.json',
  'window-state.json',
  'sync-pairs.json',
  'sync-runs.json',
  'sync-hashes.json',
] as const
/** `sync` holds each pair's manifest; `sync-trash` what a sync deleted here (web shell, CLI). */
export const APP_FOLDERS = ['sandbox', 'logs', 'staging', 'sync', 'sync-trash'] as const
export const APP_ENTRIES = [...APP_FILES, ...APP_FOLDERS] as const

/**
 * Which legacy folder to take the app's data from: none once the data folder has accounts or a
 * sandbox of its own (never mix two histories), else the first that has either.
 */
export const pickLegacySource = (
  target: ReadonlySet<string>,
  legacy: readonly { readonly dir: string; readonly entries: ReadonlySet<string> }[],
): string | null => {
  const hasData = (entries: ReadonlySet<string>): boolean =>
    entries.has('accounts.json') || entries.has('sandbox')
  if (hasData(target)) return null
  return legacy.find((candidate) => hasData(candidate.entries))?.dir ?? null
}

const entriesOf = async (dir: string): Promise<Set<string>> =>
  new Set(await readdir(dir).catch(() => [] as string[]))

/**
 * Moves the app's entries from the first legacy folder that has data into `dataDir`, when
 * `dataDir` has none yet. Returns the folder moved from, or null. An entry already in `dataDir`
 * is left where it is, in both folders.
 */
export const moveLegacyData = async (
  dataDir: string,
  legacyDirs: readonly string[] = legacyDataDirsFor(thisMachine()),
): Promise<string | null> => {
  const legacy = []
  for (const dir of legacyDirs) {
    if (path.resolve(dir) !== path.resolve(dataDir))
      legacy.push({ dir, entries: await entriesOf(dir) })
  }
  const target = await entriesOf(dataDir)
  const source = pickLegacySource(target, legacy)
  if (!source) return null
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const from = legacy.find((candidate) => candidate.dir === source)?.entries ?? new Set()
  for (const entry of APP_ENTRIES) {
    if (!from.has(entry) || target.has(entry)) continue
    // Same parent folder, so a rename: nothing is copied, nothing half-moved.
    await rename(path.join(source, entry), path.join(dataDir, entry))
  }
  return source
}
