/** Starts the product's own entry points as child processes and reads what they print. */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'

export type Started = {
  readonly child: ChildProcess
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string
  stop(): Promise<void>
}

/** Spawns a process and resolves once a line of its stdout matches `ready`. */
export const startProcess = async (
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<Started & { readonly match: RegExpMatchArray }> => {
  const child = spawn(command, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${command} did not become ready:\n${output}`)),
      options.timeoutMs ?? 30_000,
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const found = output.match(options.ready)
      if (found) {
        clearTimeout(timer)
        resolve(found)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${command} exited with ${code}:\n${output}`))
    })
  })
  return {
    child,
    match,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}
