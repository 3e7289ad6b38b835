/**
 * When a file system takes two names for one file: macOS volumes fold case and Unicode
 * normalisation (NFC and NFD "café" are one file), Windows folds case, Linux usually neither —
 * but a USB stick, a network share or a case-folding ext4 folder can differ from its machine, so
 * the rules are probed per target folder and the platform's only stand in when a probe cannot run.
 */
import { randomBytes } from 'node:crypto'
import { lstat, open, unlink } from 'node:fs/promises'
import path from 'node:path'

export type NameRules = {
  /** "Report.pdf" and "report.pdf" are one file. */
  readonly foldsCase: boolean
  /** NFC and NFD forms of a name ("café") are one file. */
  readonly normalisesUnicode: boolean
}

/** Folds both ways: names equal here may be one file on some file system. */
export const FOLD_ALL: NameRules = { foldsCase: true, normalisesUnicode: true }

/** Two names (or paths) are one file under `rules` exactly when their keys are equal. */
export const nameKey = (name: string, rules: NameRules): string => {
  const cased = rules.foldsCase ? name.toLowerCase() : name
  return rules.normalisesUnicode ? cased.normalize('NFC') : cased
}

/** What a platform's usual file system does, for when a folder cannot be probed. */
export const platformNameRules = (platform: NodeJS.Platform): NameRules => ({
  foldsCase: platform === 'darwin' || platform === 'win32',
  normalisesUnicode: platform === 'darwin',
})

const exists = async (target: string): Promise<boolean> => {
  try {
    await lstat(target)
    return true
  } catch {
    return false
  }
}

/** `folder`, or its nearest ancestor that exists (a download's folders are made later). */
const nearestExisting = async (folder: string): Promise<string> => {
  let current = path.resolve(folder)
  while (!(await exists(current))) {
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }
  return current
}

/**
 * Creates a file named with a lower-case letter and an NFC "é" in `folder`, looks it up with the
 * letter in upper case and with the name in NFD, and removes it.
 */
export const probeNameRules = async (folder: string): Promise<NameRules> => {
  const name = `.dss-explorer-probe-${randomBytes(6).toString('hex')}-\u00e9`
  const file = path.join(folder, name)
  const handle = await open(file, 'wx')
  try {
    await handle.close()
    return {
      foldsCase: await exists(path.join(folder, name.replace('probe', 'PROBE'))),
      normalisesUnicode: await exists(path.join(folder, name.normalize('NFD'))),
    }
  } finally {
    await unlink(file).catch(() => undefined)
  }
}

export type NameRulesSource = (folder: string) => Promise<NameRules>

/**
 * The rules of the file system holding `folder` (probed once per existing folder; a folder not
 * made yet takes its nearest existing ancestor's), or the platform's when the probe fails (a
 * read-only folder: the download fails there anyway).
 */
export const createNameRulesProbe = (
  fallback: NameRules = platformNameRules(process.platform),
): NameRulesSource => {
  const probed = new Map<string, Promise<NameRules>>()
  return async (folder) => {
    const existing = await nearestExisting(folder)
    let rules = probed.get(existing)
    if (!rules) {
      rules = probeNameRules(existing).catch(() => fallback)
      probed.set(existing, rules)
    }
    return rules
  }
}
