/**
 * `npm run dist:check`: packages the app with electron-builder for Linux (AppImage, deb) and the
 * Windows and macOS unpacked layouts, against stand-in Electron distributions (the real ones are
 * downloaded, which these machines cannot), then inspects what came out and prints each check.
 * What this cannot show: that the packaged app starts — that takes Electron's real runtime.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, readdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import yaml from 'js-yaml'
import { layOutAppImageTools, STAND_IN_RUNTIME } from './appimage-tools'
import { check, checkAppImage, checkAsar, checkDeb, type Check } from './checks'
import { layOutStandInElectron, type Platform } from './stand-in-electron'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const here = path.join(root, 'scripts', 'dist-check')
const config = path.join(root, 'build', 'electron-builder.yml')

const step = (label: string, command: string, args: readonly string[], env = {}): void => {
  console.log(`▶ ${label}`)
  const result = spawnSync(command, [...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) {
    console.error(`${result.stdout}\n${result.stderr}`)
    throw new Error(`${label} failed (exit ${result.status})`)
  }
}

const work = await mkdtemp(path.join(os.tmpdir(), 'dss-dist-check-'))
const results: Check[] = []
try {
  step('build', 'npm', ['run', '--silent', 'build'])
  const tools = await layOutAppImageTools(path.join(work, 'appimage-tools'))
  const out = (platform: Platform): string => path.join(work, `out-${platform}`)
  const builder = async (platform: Platform, targets: readonly string[], extra: string[] = []) => {
    const electronDist = await layOutStandInElectron(path.join(work, 'electron'), platform)
    step(
      `electron-builder --${platform} ${targets.join(' ')} (stand-in Electron)`,
      path.join(root, 'node_modules', '.bin', 'electron-builder'),
      [
        '--config',
        config,
        `--${platform}`,
        ...targets,
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${out(platform)}`,
        ...extra,
      ],
      { CUSTOM_FPM_PATH: path.join(here, 'fpm'), APPIMAGE_TOOLS_PATH: tools },
    )
  }
  await builder('linux', ['AppImage', 'deb'])
  await builder('win', ['dir'])
  await builder('mac', ['dir'], ['-c.mac.identity=null'])

  const project = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as never
  const patch = await readFile(path.join(root, 'patches', '@20minutes+s3rver+5.0.0.patch'), 'utf8')
  const archives: Record<Platform, string> = {
    linux: path.join(out('linux'), 'linux-unpacked', 'resources', 'app.asar'),
    win: path.join(out('win'), 'win-unpacked', 'resources', 'app.asar'),
    mac: path.join(out('mac'), 'mac', 'DSS Explorer.app', 'Contents', 'Resources', 'app.asar'),
  }
  for (const [platform, archive] of Object.entries(archives)) {
    for (const result of await checkAsar(archive, project, patch)) {
      results.push({ ...result, name: `${platform} app.asar: ${result.name}` })
    }
  }

  const linuxFiles = await readdir(out('linux'))
  const deb = linuxFiles.find((file) => file.endsWith('.deb'))
  const appImage = linuxFiles.find((file) => file.endsWith('.AppImage'))
  const wantedDepends = (
    yaml.load(await readFile(config, 'utf8')) as { deb: { depends: string[] } }
  ).deb.depends
  results.push(check('deb built', deb !== undefined, deb ?? 'none'))
  if (deb) {
    results.push(
      ...(await checkDeb(path.join(out('linux'), deb), wantedDepends, path.join(work, 'deb-root'))),
    )
  }
  results.push(check('AppImage built', appImage !== undefined, appImage ?? 'none'))
  if (appImage) {
    results.push(...checkAppImage(path.join(out('linux'), appImage), STAND_IN_RUNTIME.length))
  }

  const exe = await readFile(path.join(out('win'), 'win-unpacked', 'DSS Explorer.exe'))
  results.push(
    check(
      'win: DSS Explorer.exe carries the asar integrity resource',
      exe.includes(Buffer.from('ELECTRONASAR', 'utf16le')),
      'resource INTEGRITY/ELECTRONASAR',
    ),
  )
  const plist = await readFile(
    path.join(out('mac'), 'mac', 'DSS Explorer.app', 'Contents', 'Info.plist'),
    'utf8',
  )
  results.push(
    check(
      'mac: Info.plist names the app and its asar integrity',
      plist.includes('<string>com.dssexplorer.app</string>') &&
        plist.includes('<string>DSS Explorer</string>') &&
        plist.includes('ElectronAsarIntegrity'),
      'CFBundleIdentifier com.dssexplorer.app, CFBundleExecutable DSS Explorer, ElectronAsarIntegrity',
    ),
  )
} catch (error) {
  results.push(
    check('packaging ran', false, error instanceof Error ? error.message : String(error)),
  )
} finally {
  await rm(work, { recursive: true, force: true })
}

console.log('\nWhat the packages hold (Electron itself is a stand-in; the app is the real build):')
for (const result of results) {
  console.log(`${result.ok ? '✔' : '✘'} ${result.name} — ${result.detail}`)
}
const failed = results.filter((result) => !result.ok).length
console.log(`\n${results.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
