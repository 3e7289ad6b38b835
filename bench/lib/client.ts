/**
 * Our side of a benchmark runs in its own process, like the peers: a script under bench/ started
 * with tsx, whose last stdout line is its figures as JSON.
 */
import { spawn } from 'node:child_process'

export const runClient = <T>(script: string, args: readonly string[]): Promise<T> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T)
        : reject(new Error(`${script} exited ${code}`)),
    )
  })
