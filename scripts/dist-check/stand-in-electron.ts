/**
 * Stand-in Electron distributions, laid out as Electron's release zips are, for electron-builder's
 * `electronDist`: the real ones are downloaded, which these machines cannot. Each has the files
 * electron-builder renames, edits or checks; none of them runs.
 */
import { chmod, copyFile, mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

export type Platform = 'linux' | 'win' | 'mac'

const require = createRequire(import.meta.url)
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version

const touch = async (file: string, content = ''): Promise<void> => {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, content)
}

/** The files every Electron zip has beside the binary. */
const common = async (dir: string): Promise<void> => {
  for (const name of ['LICENSE', 'LICENSES.chromium.html', 'resources.pak', 'icudtl.dat']) {
    await touch(path.join(dir, name))
  }
  await touch(path.join(dir, 'version'), ELECTRON_VERSION)
  await touch(path.join(dir, 'locales', 'en-US.pak'))
}

const plist = (name: string, id: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
<key>CFBundleExecutable</key><string>${name}</string>
<key>CFBundleIdentifier</key><string>${id}</string>
<key>CFBundleName</key><string>${name}</string>
<key>CFBundleDisplayName</key><string>${name}</string>
<key>CFBundlePackageType</key><string>APPL</string>
<key>CFBundleVersion</key><string>${ELECTRON_VERSION}</string>
<key>CFBundleShortVersionString</key><string>${ELECTRON_VERSION}</string>
<key>CFBundleIconFile</key><string>electron.icns</string>
</dict></plist>
`

const executable = async (file: string): Promise<void> => {
  await touch(file, '#!/bin/sh\necho "stand-in Electron: it does not run"\nexit 1\n')
  await chmod(file, 0o755)
}

export const layOutStandInElectron = async (dir: string, platform: Platform): Promise<string> => {
  const root = path.join(dir, platform)
  await mkdir(root, { recursive: true })
  if (platform === 'linux') {
    await common(root)
    await executable(path.join(root, 'electron'))
    for (const name of ['chrome-sandbox', 'chrome_crashpad_handler', 'libffmpeg.so']) {
      await touch(path.join(root, name))
    }
  } else if (platform === 'win') {
    await common(root)
    // electron-builder writes the asar's integrity into electron.exe's resources, so it must be a
    // real Windows executable with one version resource: a small one that ships in node_modules.
    const pe = path.join(
      path.dirname(require.resolve('electron-winstaller/package.json')),
      'vendor',
      'Setup.exe',
    )
    await copyFile(pe, path.join(root, 'electron.exe'))
    await touch(path.join(root, 'ffmpeg.dll'))
  } else {
    await touch(path.join(root, 'version'), ELECTRON_VERSION)
    await touch(path.join(root, 'LICENSE'))
    const contents = path.join(root, 'Electron.app', 'Contents')
    await touch(path.join(contents, 'Info.plist'), plist('Electron', 'com.github.Electron'))
    await executable(path.join(contents, 'MacOS', 'Electron'))
    await touch(path.join(contents, 'Resources', 'electron.icns'))
    const framework = path.join(contents, 'Frameworks', 'Electron Framework.framework')
    await touch(path.join(framework, 'Versions', 'A', 'Resources', 'en.lproj', 'locale.pak'))
    for (const suffix of ['', ' (GPU)', ' (Plugin)', ' (Renderer)']) {
      const helper = path.join(contents, 'Frameworks', `Electron Helper${suffix}.app`, 'Contents')
      await touch(
        path.join(helper, 'Info.plist'),
        plist(`Electron Helper${suffix}`, 'com.github.Electron.helper'),
      )
      await executable(path.join(helper, 'MacOS', `Electron Helper${suffix}`))
    }
  }
  return root
}
