/**
 * `npm start`: runs the Electron app when its runtime is present (or can be fetched); otherwise
 * says so in one line and serves the same app from the web shell on 127.0.0.1.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runWebShell } from './web-shell/main'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The Electron binary's path, or null. `require('electron')` downloads it on first use. */
const electronBinary = (): string | null => {
  try {
    const candidate: unknown = createRequire(import.meta.url)('electron')
    return typeof candidate === 'string' && existsSync(candidate) ? candidate : null
  } catch {
    return null
  }
}

const parsePort = (args: readonly string[]): number | undefined => {
  const at = args.indexOf('--port')
  const value = at === -1 ? undefined : Number(args[at + 1])
  return value !== undefined && Number.isInteger(value) && value > 0 && value < 65536
    ? value
    : undefined
}

const main = async (): Promise<void> => {
  const args = process.argv.slice(2)
  const web = args.includes('--web')
  const binary = web ? null : electronBinary()
  if (binary) {
    const child = spawn(binary, [path.join(here, 'electron', 'main.js'), ...args], {
      stdio: 'inherit',
    })
    child.on('exit', (code) => process.exit(code ?? 0))
    return
  }
  if (!web) {
    console.log(
      "Electron's runtime is not available (it could not be downloaded); set ELECTRON_OVERRIDE_DIST_PATH to an Electron build or run `npx install-electron` where the network allows. Starting the web shell instead.",
    )
  }
  await runWebShell({
    port: parsePort(args),
    openBrowser: !args.includes('--no-open') && !process.env.CI,
  })
}

void main()
