/**
 * Starts a throwaway single-node Ceph cluster with a RADOS Gateway on loopback, from nothing, and
 * stops it by the PIDs it started. A watchdog process stops it too when its owner dies without
 * stopping it (a test run killed or interrupted), so no daemon outlives the run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { appendFile, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { once } from '../once.js'
import { assertCephInstalled, runCeph, type CephProgram } from './ceph-commands.js'
import { monAddress, renderCephConfig, RGW_NAME } from './ceph-config.js'
import { freePort } from './free-port.js'

/** What another process needs to use a running cluster: plain data, passed as JSON. */
export type CephClusterInfo = {
  readonly directory: string
  readonly confPath: string
  /** The RADOS Gateway's S3 endpoint, plain HTTP on loopback. */
  readonly s3Url: string
}

export type CephCluster = CephClusterInfo & { stop(): Promise<void> }

export type CephClusterOptions = {
  /** memstore's capacity in bytes (default 8 GiB): the most the cluster may hold in RAM. */
  readonly memstoreBytes?: number
}

const READY_TIMEOUT_MS = 60_000
const KILL_AFTER_MS = 3_000
const PIDS_FILE = 'daemons.pids'

/** Stops the daemons listed in the folder and removes it once `owner` is gone. */
const WATCHDOG = `
owner=$1; dir=$2
while kill -0 "$owner" 2>/dev/null; do sleep 1; done
pids=$(cat "$dir/${PIDS_FILE}" 2>/dev/null)
if [ -n "$pids" ]; then kill -TERM $pids 2>/dev/null; sleep 3; kill -KILL $pids 2>/dev/null; fi
rm -rf "$dir"
`

const startWatchdog = (directory: string): ChildProcess => {
  const watchdog = spawn(
    'sh',
    ['-c', WATCHDOG, 'dss-ceph-watchdog', String(process.pid), directory],
    {
      detached: true,
      stdio: 'ignore',
    },
  )
  watchdog.unref()
  return watchdog
}

const exited = (child: ChildProcess): boolean =>
  child.exitCode !== null || child.signalCode !== null

const waitForExit = (child: ChildProcess, ms: number): Promise<boolean> =>
  exited(child)
    ? Promise.resolve(true)
    : new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve(true)
        })
      })

const logTail = async (file: string): Promise<string> =>
  readFile(file, 'utf8').then(
    (text) => text.trim().split('\n').slice(-8).join('\n'),
    () => '(no log)',
  )

/** Polls the gateway until it answers an anonymous ListBuckets, or a daemon dies. */
const waitForGateway = async (s3Url: string, daemons: readonly ChildProcess[]): Promise<void> => {
  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    const dead = daemons.find(exited)
    if (dead) throw new Error(`${dead.spawnfile} exited while the cluster was starting`)
    try {
      const response = await fetch(s3Url, { signal: AbortSignal.timeout(2_000) })
      await response.arrayBuffer()
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new Error(`the RADOS Gateway did not answer within ${READY_TIMEOUT_MS / 1000} s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export const startCephCluster = async (options: CephClusterOptions = {}): Promise<CephCluster> => {
  await assertCephInstalled()
  const directory = await mkdtemp(path.join(os.tmpdir(), 'dss-ceph-'))
  const watchdog = startWatchdog(directory)
  const daemons: ChildProcess[] = []
  const confPath = path.join(directory, 'ceph.conf')
  const logDir = path.join(directory, 'log')

  const stopDaemons = async (): Promise<void> => {
    // The gateway first, then the OSD, then the monitor: each stops while its peers are up.
    for (const daemon of [...daemons].reverse()) daemon.kill('SIGTERM')
    await Promise.all(
      daemons.map(async (daemon) => {
        if (!(await waitForExit(daemon, KILL_AFTER_MS))) {
          // The OSD often ignores TERM (DSS.md §6).
          daemon.kill('SIGKILL')
          await waitForExit(daemon, KILL_AFTER_MS)
        }
      }),
    )
  }

  const stop = once(async () => {
    await stopDaemons()
    watchdog.kill('SIGKILL')
    await rm(directory, { recursive: true, force: true })
  })

  const startDaemon = async (program: CephProgram, args: readonly string[]): Promise<void> => {
    const name = args.join('.')
    const log = await open(path.join(logDir, `${program}.${name}.out`), 'a')
    const daemon = spawn(program, ['-f', '-c', confPath, ...args], {
      detached: true,
      stdio: ['ignore', log.fd, log.fd],
    })
    await log.close()
    daemon.unref()
    daemons.push(daemon)
    if (daemon.pid !== undefined) {
      await appendFile(path.join(directory, PIDS_FILE), `${daemon.pid}\n`)
    }
  }

  try {
    const [v2, v1, rgwPort] = [await freePort(), await freePort(), await freePort()]
    const monPorts = { v2: v2 ?? 0, v1: v1 ?? 0 }
    const fsid = randomUUID()
    for (const folder of ['run', 'log', 'mon/ceph-a', 'osd/ceph-0', 'rgw']) {
      await mkdir(path.join(directory, folder), { recursive: true })
    }
    await writeFile(
      confPath,
      renderCephConfig({
        fsid,
        directory,
        monPorts,
        rgwPort: rgwPort ?? 0,
        memstoreBytes: options.memstoreBytes ?? 8 * 1024 ** 3,
      }),
    )
    const monmap = path.join(directory, 'monmap')
    await runCeph('monmaptool', [
      '--create',
      '--fsid',
      fsid,
      '--addv',
      'a',
      monAddress(monPorts),
      monmap,
    ])
    await runCeph('ceph-mon', [
      '-c',
      confPath,
      '-i',
      'a',
      '--mkfs',
      '--monmap',
      monmap,
      '--keyring',
      '/dev/null',
    ])
    await startDaemon('ceph-mon', ['-i', 'a'])

    const osdUuid = randomUUID()
    await runCeph('ceph', ['-c', confPath, '--connect-timeout', '30', 'osd', 'new', osdUuid])
    await runCeph('ceph-osd', ['-c', confPath, '-i', '0', '--mkfs', '--osd-uuid', osdUuid])
    await startDaemon('ceph-osd', ['-i', '0'])

    await startDaemon('radosgw', ['-n', RGW_NAME])
    const s3Url = `http://127.0.0.1:${rgwPort}`
    await waitForGateway(s3Url, daemons).catch(async (error: unknown) => {
      const logs = await Promise.all(
        ['mon.a', 'osd.0', RGW_NAME].map(
          async (name) => `${name}: ${await logTail(path.join(logDir, `${name}.log`))}`,
        ),
      )
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n${logs.join('\n')}`,
      )
    })
    return { directory, confPath, s3Url, stop }
  } catch (error) {
    await stop().catch(() => undefined)
    throw error
  }
}
