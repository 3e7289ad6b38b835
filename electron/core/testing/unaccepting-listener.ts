/**
 * A TCP port on loopback where a connect never completes: a child process listens with the
 * smallest backlog and is stopped (SIGSTOP), so it never accepts; once its queue is full the
 * kernel drops further handshakes, as a firewall that drops packets does.
 */
import { spawn } from 'node:child_process'
import net from 'node:net'

export type UnacceptingListener = {
  readonly port: number
  stop(): Promise<void>
}

const LISTENER = `
const server = require('node:net').createServer()
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n', () => process.kill(process.pid, 'SIGSTOP'))
})
`

/** Opens a connection; true once connected, false when it is still trying after `waitMs`. */
const connects = (port: number, waitMs: number, opened: net.Socket[]): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    opened.push(socket)
    socket.once('error', () => resolve(false))
    socket.once('connect', () => resolve(true))
    setTimeout(() => resolve(false), waitMs).unref()
  })

export const startUnacceptingListener = async (): Promise<UnacceptingListener> => {
  const child = spawn(process.execPath, ['-e', LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim())))
  })
  // Fill the accept queue: the first connect that does not complete shows it is full.
  const filler: net.Socket[] = []
  for (let tries = 0; tries < 16 && (await connects(port, 1000, filler)); tries += 1);
  return {
    port,
    async stop() {
      for (const socket of filler) socket.destroy()
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    },
  }
}
