/**
 * The cluster starter on its own: a clear line when Ceph is missing, and no daemon or folder left
 * behind when the process that started a cluster is killed without stopping it.
 */
import { spawn } from 'node:child_process'
import { access } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { assertCephInstalled } from './ceph-commands.js'
import { clusterFromEnv, CLUSTER_ENV } from './shared-cluster.js'

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const gone = async (file: string): Promise<boolean> =>
  access(file).then(
    () => false,
    () => true,
  )

const until = async (condition: () => Promise<boolean> | boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Starts a cluster in a child process and prints its folder and daemon PIDs, then waits. */
const OWNER = `
import { readFile } from 'node:fs/promises'
import { startCephCluster } from './e2e/testbed/ceph/ceph-cluster.ts'
const cluster = await startCephCluster()
const pids = (await readFile(cluster.directory + '/daemons.pids', 'utf8')).trim().split('\\n')
console.log(JSON.stringify({ directory: cluster.directory, s3Url: cluster.s3Url, pids }))
setInterval(() => undefined, 1000)
`

describe('the Ceph cluster starter', () => {
  it('says in one line what to install when Ceph is missing', async () => {
    const path = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      await expect(assertCephInstalled()).rejects.toThrow(
        /^The test bed runs Ceph's RADOS Gateway, and monmaptool, ceph-mon, ceph-osd, ceph, radosgw, radosgw-admin are not installed: run `apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd`/,
      )
    } finally {
      process.env.PATH = path
    }
  })

  it('reads the shared cluster from the environment, and refuses a malformed one', () => {
    expect(clusterFromEnv({})).toBeNull()
    const info = { directory: '/d', confPath: '/d/ceph.conf', s3Url: 'http://127.0.0.1:1' }
    expect(clusterFromEnv({ [CLUSTER_ENV]: JSON.stringify(info) })).toEqual(info)
    expect(() => clusterFromEnv({ [CLUSTER_ENV]: '{"directory":1}' })).toThrow(/does not describe/)
  })

  it('stops every daemon and removes its folder when its owner is killed', async () => {
    const owner = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', OWNER], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const started = await new Promise<{ directory: string; s3Url: string; pids: string[] }>(
      (resolve, reject) => {
        let output = ''
        owner.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const line = output.split('\n').find((text) => text.startsWith('{'))
          if (line)
            resolve(JSON.parse(line) as { directory: string; s3Url: string; pids: string[] })
        })
        owner.once('exit', (code) => reject(new Error(`owner exited with ${code}: ${output}`)))
      },
    )
    const pids = started.pids.map(Number)
    expect(pids).toHaveLength(3)
    expect(pids.every(alive)).toBe(true)
    expect((await fetch(started.s3Url)).status).toBe(200)

    owner.kill('SIGKILL')
    // The watchdog polls once a second, gives the daemons 3 s after TERM, then KILLs them.
    await until(() => pids.every((pid) => !alive(pid)), 30_000)
    await until(() => gone(started.directory), 30_000)
  }, 90_000)
})
