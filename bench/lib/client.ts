/**
 * Our side of a benchmark runs in its own process, like the peers: a script under bench/, bundled
 * as the app's main process is (scripts/main-bundles.mjs: no transpiling at run time, whose CPU
 * the app never pays), whose last stdout line is its figures as JSON. Its CPU time is measured
 * as the peers' is (cpu-times.ts) and added to the figures as `cpuMs`.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { build } from 'esbuild'
import { nodeBundle } from '../../scripts/main-bundles.mjs'
import { takeCpuTimes, underTimes } from './cpu-times'

/** Inside node_modules, so the bundle finds the dependencies it leaves out. */
const BUNDLES = path.resolve('node_modules/.cache/dss-bench')

const bundles = new Map<string, Promise<string>>()

/** The script as one file (built once per run). */
const bundled = (script: string): Promise<string> => {
  let done = bundles.get(script)
  if (!done) {
    const outfile = path.join(BUNDLES, `${path.basename(script, '.ts')}.mjs`)
    done = build({ ...nodeBundle, sourcemap: false, entryPoints: [script], outfile }).then(
      () => outfile,
    )
    bundles.set(script, done)
  }
  return done
}

export const runClient = async <T>(
  script: string,
  args: readonly string[],
): Promise<T & { cpuMs: number }> => {
  const [shell, shellArgs] = underTimes(process.execPath, [await bundled(script), ...args])
  return new Promise((resolve, reject) => {
    const child = spawn(shell, shellArgs, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('close', (code) => {
      const { stderr, cpuMs } = takeCpuTimes(err)
      process.stderr.write(stderr)
      if (code !== 0) return reject(new Error(`${script} exited ${code}`))
      const figures = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T
      resolve({ ...figures, cpuMs })
    })
  })
}
