/**
 * A stand-in for fpm, which electron-builder downloads and these machines cannot: it takes the
 * same command line for `-s dir -t deb` and builds the package with Debian's own dpkg-deb, so the
 * .deb that comes out holds what electron-builder asked for. Started through the `fpm` script
 * beside this file (electron-builder's CUSTOM_FPM_PATH).
 */
import { execFileSync } from 'node:child_process'
import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { controlFile, parseFpmArgs } from './fpm-args'

const request = parseFpmArgs(process.argv.slice(2))
const root = await mkdtemp(path.join(os.tmpdir(), 'dss-fpm-'))
try {
  for (const { source, destination } of request.mappings) {
    const target = path.join(root, destination)
    await mkdir(path.dirname(target), { recursive: true })
    await cp(source, target, { recursive: true, verbatimSymlinks: true })
  }
  const sizeKiB = Number(execFileSync('du', ['-sk', root], { encoding: 'utf8' }).split('\t')[0])
  await mkdir(path.join(root, 'DEBIAN'))
  await writeFile(path.join(root, 'DEBIAN', 'control'), controlFile(request, sizeKiB))
  for (const [script, name] of [
    [request.afterInstall, 'postinst'],
    [request.afterRemove, 'postrm'],
  ] as const) {
    if (!script) continue
    await cp(script, path.join(root, 'DEBIAN', name))
    await chmod(path.join(root, 'DEBIAN', name), 0o755)
  }
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', root, request.output], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
} finally {
  await rm(root, { recursive: true, force: true })
}
