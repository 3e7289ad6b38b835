/**
 * What `npm run dist:check` looks for in electron-builder's output: each check names what it
 * looked at and what it found, so the printout says what was proven.
 */
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { extractFile, listPackage } from '@electron/asar'

export type Check = { readonly name: string; readonly ok: boolean; readonly detail: string }

export const check = (name: string, ok: boolean, detail: string): Check => ({ name, ok, detail })

type PackageJson = {
  readonly name: string
  readonly type?: string
  readonly main?: string
  readonly dependencies?: Readonly<Record<string, string>>
  readonly devDependencies?: Readonly<Record<string, string>>
}

/** The files patch-package changes, from the patch itself ("diff --git a/node_modules/…"). */
export const patchedFiles = (patch: string): string[] =>
  [...patch.matchAll(/^diff --git a\/(node_modules\/\S+) /gm)].map((match) => match[1] ?? '')

/** Width and height from a PNG's IHDR chunk. */
export const pngSize = (png: Buffer): { width: number; height: number } => {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

/** The app archive: the built app and production dependencies, patched, and nothing else. */
export const checkAsar = async (archive: string, project: PackageJson, patch: string) => {
  const entries = new Set(listPackage(archive, { isPack: false }).map((entry) => entry.slice(1)))
  const inside = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as PackageJson
  const built = ['dist/launch.js', 'dist/electron/main.js', 'dist/electron/preload.cjs']
  const maps = [...entries].filter((entry) => entry.startsWith('dist/') && entry.endsWith('.map'))
  const missingDeps = Object.keys(project.dependencies ?? {}).filter(
    (dep) => !entries.has(`node_modules/${dep}/package.json`),
  )
  const devDeps = Object.keys(project.devDependencies ?? {}).filter((dep) =>
    entries.has(`node_modules/${dep}/package.json`),
  )
  const files = patchedFiles(patch)
  const unpatched = files.filter(
    (file) => !extractFile(archive, file).toString('utf8').includes('DSS Explorer patch'),
  )
  return [
    check(
      'package.json names the ESM main',
      inside.main === 'dist/electron/main.js' && inside.type === 'module',
      `main ${inside.main ?? '(none)'}, type ${inside.type ?? '(none)'}, name ${inside.name}`,
    ),
    check(
      'the built app is inside',
      built.every((file) => entries.has(file)) && entries.has('dist/renderer/index.html'),
      `${built.join(', ')}, dist/renderer/index.html`,
    ),
    check('no source maps of ours', maps.length === 0, maps.length ? maps.join(', ') : 'none'),
    check(
      'every production dependency',
      missingDeps.length === 0,
      missingDeps.length
        ? `missing ${missingDeps.join(', ')}`
        : `${Object.keys(project.dependencies ?? {}).length} present`,
    ),
    check(
      'no development dependency',
      devDeps.length === 0,
      devDeps.length
        ? devDeps.join(', ')
        : `none of ${Object.keys(project.devDependencies ?? {}).length}`,
    ),
    check(
      "s3rver's patches applied",
      files.length > 0 && unpatched.length === 0,
      unpatched.length ? `unpatched: ${unpatched.join(', ')}` : `${files.length} patched files`,
    ),
  ]
}

const run = (command: string, args: readonly string[]): string =>
  execFileSync(command, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

/** The .deb: its control file, desktop entry, icons and the app, read with dpkg-deb. */
export const checkDeb = async (deb: string, wantedDepends: readonly string[], work: string) => {
  const depends = run('dpkg-deb', ['-f', deb, 'Depends']).trim().split(/,\s*/).filter(Boolean)
  const listing = run('dpkg-deb', ['-c', deb])
  const has = (file: string): boolean =>
    listing.includes(` ./${file}\n`) || listing.includes(` ./${file} `)
  run('dpkg-deb', ['-x', deb, work])
  const desktopFile = path.join(work, 'usr/share/applications/dss-explorer.desktop')
  const desktop = await readFile(desktopFile, 'utf8')
  const validation = (() => {
    try {
      return { ok: true, text: run('desktop-file-validate', [desktopFile]).trim() }
    } catch (error) {
      return { ok: false, text: String((error as { stdout?: string }).stdout ?? error) }
    }
  })()
  const sizes = [16, 32, 48, 64, 128, 256, 512]
  const wrongIcons: string[] = []
  for (const size of sizes) {
    const icon = path.join(work, `usr/share/icons/hicolor/${size}x${size}/apps/dss-explorer.png`)
    const found = await readFile(icon).then(pngSize, () => null)
    if (!found || found.width !== size || found.height !== size) wrongIcons.push(`${size}`)
  }
  return [
    check(
      'deb: control file lists the dependencies',
      wantedDepends.every((dep) => depends.includes(dep)),
      `Depends: ${depends.join(', ')}`,
    ),
    check(
      'deb: the app and its archive under /opt',
      has('opt/DSS Explorer/dss-explorer') && has('opt/DSS Explorer/resources/app.asar'),
      '/opt/DSS Explorer/dss-explorer, resources/app.asar',
    ),
    check(
      'deb: desktop entry',
      /^Name=DSS Explorer$/m.test(desktop) &&
        /^Exec=.*dss-explorer/m.test(desktop) &&
        /^Icon=dss-explorer$/m.test(desktop) &&
        /^Categories=Utility;?$/m.test(desktop) &&
        validation.ok,
      `${desktop
        .split('\n')
        .filter((line) => /^(Name|Exec|Icon|Categories|StartupWMClass)=/.test(line))
        .join('; ')}; desktop-file-validate: ${validation.text || 'no complaint'}`,
    ),
    check(
      'deb: icons at every size Linux needs',
      wrongIcons.length === 0,
      wrongIcons.length
        ? `wrong or missing: ${wrongIcons.join(', ')}`
        : sizes.map((s) => `${s}²`).join(' '),
    ),
  ]
}

/** The AppImage: the runtime, then a squashfs image holding the app and its desktop entry. */
export const checkAppImage = (file: string, runtimeBytes: number) => {
  const listing = run('unsquashfs', ['-o', String(runtimeBytes), '-l', '-d', 'root', file])
  const has = (entry: string): boolean =>
    listing.split('\n').some((line) => line === `root/${entry}`)
  return [
    check(
      'AppImage: squashfs payload with the app',
      has('AppRun') &&
        has('dss-explorer') &&
        has('resources/app.asar') &&
        has('dss-explorer.desktop'),
      'AppRun, dss-explorer, resources/app.asar, dss-explorer.desktop',
    ),
  ]
}
