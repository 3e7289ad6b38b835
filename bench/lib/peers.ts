/**
 * The peer clients of DSS.md §7 (Debian's awscli and rclone) pointed at a test bed, so their
 * figures come from the same run and the same emulator as ours.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export type Target = {
  readonly endpoint: string
  readonly caFile: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

export type Run = { readonly ms: number; readonly stdout: string; readonly code: number | null }

/** Fails early, saying what to install, when a peer client is missing. */
export const requirePeers = (): void => {
  const missing = [
    ['/usr/bin/aws', 'awscli'],
    ['/usr/bin/rclone', 'rclone'],
  ].filter(([file]) => !existsSync(file ?? ''))
  if (missing.length > 0) {
    throw new Error(
      `The benchmark compares with ${missing.map(([, name]) => name).join(' and ')}: apt-get install ${missing.map(([, name]) => name).join(' ')}`,
    )
  }
}

const run = (command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) {
        reject(
          new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`),
        )
      } else resolve({ ms: performance.now() - started, stdout, code })
    })
  })

/**
 * awscli, via /usr/bin/aws (another `aws` may shadow it on PATH), path-style addressing, and up
 * to 10 attempts per request: with its default 3 it gives up on the 503s of a 100 RPS limit.
 */
export const awscli = async (target: Target) => {
  const home = await mkdtemp(path.join(os.tmpdir(), 'bench-aws-'))
  await writeFile(
    path.join(home, 'config'),
    '[default]\nregion = us-east-1\nretry_mode = standard\nmax_attempts = 10\ns3 =\n  addressing_style = path\n',
  )
  const env = {
    ...process.env,
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'),
    AWS_ACCESS_KEY_ID: target.accessKeyId,
    AWS_SECRET_ACCESS_KEY: target.secretAccessKey,
    AWS_CA_BUNDLE: target.caFile,
    AWS_PAGER: '',
  }
  return (args: readonly string[]): Promise<Run> =>
    run('/usr/bin/aws', ['--endpoint-url', target.endpoint, ...args], env)
}

/** rclone with a remote named `bed`, `--tpslimit 100` as its request-rate limit. */
export const rclone = async (target: Target) => {
  const home = await mkdtemp(path.join(os.tmpdir(), 'bench-rclone-'))
  const config = path.join(home, 'rclone.conf')
  await writeFile(
    config,
    `[bed]\ntype = s3\nprovider = Other\nendpoint = ${target.endpoint}\nforce_path_style = true\nregion = us-east-1\naccess_key_id = ${target.accessKeyId}\nsecret_access_key = ${target.secretAccessKey}\n`,
  )
  const env = { ...process.env }
  delete env.AWS_CA_BUNDLE
  return (args: readonly string[]): Promise<Run> =>
    run(
      'rclone',
      ['--config', config, '--ca-cert', target.caFile, '--tpslimit', '100', ...args],
      env,
    )
}
