/** Runs Ceph's command-line tools with a deadline, and says in one line when Ceph is missing. */
import { execFile } from 'node:child_process'
import { access, constants } from 'node:fs/promises'
import path from 'node:path'

/** Every program the starter runs, and the Debian package that brings it. */
const PROGRAMS = {
  monmaptool: 'ceph-mon',
  'ceph-mon': 'ceph-mon',
  'ceph-osd': 'ceph-osd',
  ceph: 'ceph-common',
  radosgw: 'radosgw',
  'radosgw-admin': 'radosgw',
} as const

export type CephProgram = keyof typeof PROGRAMS

export const CEPH_INSTALL_HINT =
  'apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd'

const findOnPath = async (program: string): Promise<string | null> => {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (folder === '') continue
    const candidate = path.join(folder, program)
    try {
      await access(candidate, constants.X_OK)
      return candidate
    } catch {
      // Not in this folder.
    }
  }
  return null
}

/** Throws one plain line naming what is missing and how to install it. */
export const assertCephInstalled = async (): Promise<void> => {
  const missing: string[] = []
  for (const program of Object.keys(PROGRAMS)) {
    if ((await findOnPath(program)) === null) missing.push(program)
  }
  if (missing.length > 0) {
    throw new Error(
      `The test bed runs Ceph's RADOS Gateway, and ${missing.join(', ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} not installed: run \`${CEPH_INSTALL_HINT}\` ` +
        '(.ci/run does this on a clean machine).',
    )
  }
}

/** Runs a one-shot Ceph tool; its own error output is in the thrown message. */
export const runCeph = (
  program: CephProgram,
  args: readonly string[],
  timeoutMs = 60_000,
): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(
      program,
      [...args],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const detail = `${stderr}`.trim().split('\n').slice(-5).join('\n')
          reject(new Error(`${program} ${args.join(' ')} failed: ${error.message}\n${detail}`))
        } else {
          resolve(stdout)
        }
      },
    )
  })
