/**
 * Builds the app as `npm run build` does — the renderer with vite.config.ts, main and preload with
 * scripts/main-bundles.mjs — into a folder of this test run, so the shell's tests read what
 * ships without racing other runs over dist/. The bundles' dependencies resolve through a link
 * to the project's node_modules, as they do from dist/.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { BuildOptions } from 'esbuild'

const repo = fileURLToPath(new URL('../../../', import.meta.url))

export type BuiltApp = {
  /** dist/ of this build. */
  readonly dist: string
  readonly mainFile: string
  readonly preloadFile: string
  readonly rendererDir: string
  remove(): Promise<void>
}

const run = (command: string, args: readonly string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: ${output}`)),
    )
  })

export const buildApp = async (): Promise<BuiltApp> => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dss-shell-build-'))
  const dist = path.join(root, 'dist')
  await symlink(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir')
  const vite = path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js')
  await run(process.execPath, [
    vite,
    'build',
    '--logLevel',
    'warn',
    '--outDir',
    path.join(dist, 'renderer'),
    '--emptyOutDir',
  ])
  const { mainBundles } = (await import(
    pathToFileURL(path.join(repo, 'scripts', 'main-bundles.mjs')).href
  )) as { mainBundles: readonly BuildOptions[] }
  const { build } = await import('esbuild')
  await Promise.all(
    mainBundles.map((options) =>
      build({
        ...options,
        absWorkingDir: repo,
        outdir: path.join(dist, path.relative('dist', options.outdir ?? 'dist')),
      }),
    ),
  )
  return {
    dist,
    mainFile: path.join(dist, 'electron', 'main.js'),
    preloadFile: path.join(dist, 'electron', 'preload.cjs'),
    rendererDir: path.join(dist, 'renderer'),
    remove: () => rm(root, { recursive: true, force: true }),
  }
}
