/**
 * Our side of a benchmark runs in its own process, like the peers: a script under bench/ started
 * with tsx, whose last stdout line is its figures as JSON. Its CPU time is measured as the
 * peers' is (cpu-times.ts) and added to the figures as `cpuMs`.
 */
import { spawn } from 'node:child_process'
import { takeCpuTimes, underTimes } from './cpu-times'

export const runClient = <T>(
  script: string,
  args: readonly string[],
): Promise<T & { cpuMs: number }> =>
  new Promise((resolve, reject) => {
    const [shell, shellArgs] = underTimes(process.execPath, ['--import', 'tsx', script, ...args])
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
