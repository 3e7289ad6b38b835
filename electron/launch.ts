/**
 * `npm start`: runs the Electron app when its runtime is present (or can be fetched); otherwise
 * says so in one line and serves the same app from the web shell on 127.0.0.1.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronArgs } from './launch-plan'
import { runWebShell } from './web-shell/main'

const here = path.dirname(fileURLToPath(import.meta.url))
/** The folder holding package.json: the parent of dist/ when built, of electron/ from source. */
const appRoot = path.resolve(here, '..')

const require = createRequire(import.meta.url)

/** Where the electron package keeps (or would download) its runtime. */
const electronPackageDir = (): string | null => {
  try {
    return path.dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

const installedBinary = (packageDir: string): string | null => {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = path.join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const candidate = override
    ? path.join(override, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'))
    : relative && path.join(packageDir, 'dist', relative)
  return candidate && existsSync(candidate) ? candidate : null
}

/**
 * The Electron binary's path, or null. Electron ≥ 42 downloads its runtime on first launch; try
 * that once, quietly, so an offline machine gets one clear line instead of a stack trace.
 */
const electronBinary = (): string | null => {
  const packageDir = electronPackageDir()
  if (!packageDir) return null
  const present = installedBinary(packageDir)
  if (present || process.env.ELECTRON_OVERRIDE_DIST_PATH) return present
  const download = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  })
  return download.status === 0 ? installedBinary(packageDir) : null
}

const parsePort = (args: readonly string[]): number | undefined => {
  const at = args.indexOf('--port')
  const value = at === -1 ? undefined : Number(args[at + 1])
  return value !== undefined && Number.isInteger(value) && value > 0 && value < 65536
    ? value
    : undefined
}

// Node 20 still runs the web shell well; the SDK's notice about its own future support window
// would only confuse a user starting the app.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const main = async (): Promise<void> => {
  const args = process.argv.slice(2)
  const web = args.includes('--web')
  const binary = web ? null : electronBinary()
  if (binary) {
    const child = spawn(binary, electronArgs(appRoot, args), { stdio: 'inherit' })
    child.on('exit', (code) => process.exit(code ?? 0))
    return
  }
  if (!web) {
    console.log(
      "Electron's runtime is not available (it could not be downloaded): run `npx install-electron` where the network allows, or set ELECTRON_OVERRIDE_DIST_PATH to an Electron build. Starting the web shell instead.",
    )
  }
  await runWebShell({
    port: parsePort(args),
    openBrowser: !args.includes('--no-open') && !process.env.CI,
  })
}

void main()
