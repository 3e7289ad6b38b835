/**
 * The peer clients of DSS.md §7 (Debian's awscli and rclone) pointed at a test bed, so their
 * figures come from the same run and the same emulator as ours.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { takeCpuTimes, underTimes } from './cpu-times'

export type Target = {
  readonly endpoint: string
  readonly caFile: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

/** A plain-HTTP endpoint (the RADOS Gateway itself) needs no CA. */
export type PeerTarget = Omit<Target, 'caFile'> & { readonly caFile?: string }

export type Run = {
  readonly ms: number
  /** When the tool printed its first byte (for a listing: its first rows); `ms` if it never did. */
  readonly firstOutputMs: number
  readonly stdout: string
  /** CPU time the tool spent, user + system (bench/lib/cpu-times.ts). */
  readonly cpuMs: number
}

/** Each peer's config folder, removed by removePeerHomes when the benchmarks end. */
const homes: string[] = []

const newHome = async (prefix: string): Promise<string> => {
  const home = await mkdtemp(path.join(os.tmpdir(), prefix))
  homes.push(home)
  return home
}

export const removePeerHomes = async (): Promise<void> => {
  await Promise.all(homes.splice(0).map((home) => rm(home, { recursive: true, force: true })))
}

const AWS = '/usr/bin/aws'
const RCLONE = '/usr/bin/rclone'
const CURL = '/usr/bin/curl'

/** A peer client is missing: the message says what to install, nothing is installed for you. */
export class MissingPeerError extends Error {}

export const requirePeers = (): void => {
  const missing = [
    { program: AWS, pkg: 'awscli' },
    { program: RCLONE, pkg: 'rclone' },
  ].filter(({ program }) => !existsSync(program))
  if (missing.length === 0) return
  const programs = missing.map(({ program }) => program).join(' and ')
  const packages = missing.map(({ pkg }) => pkg).join(' ')
  throw new MissingPeerError(
    `The benchmarks compare DSS Explorer with awscli and rclone, and ${programs} ` +
      `${missing.length === 1 ? 'is' : 'are'} not installed. Install the Debian ` +
      `${missing.length === 1 ? 'package' : 'packages'}: sudo apt-get install ${packages}`,
  )
}

const run = (command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    let firstOutputMs: number | null = null
    const [shell, shellArgs] = underTimes(command, args)
    const child = spawn(shell, shellArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      firstOutputMs ??= performance.now() - started
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - started
      const { stderr: own, cpuMs } = takeCpuTimes(stderr)
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${own.slice(-2000)}`))
      } else resolve({ ms, firstOutputMs: firstOutputMs ?? ms, stdout, cpuMs })
    })
  })

/**
 * awscli, via /usr/bin/aws (another `aws` may shadow it on PATH), path-style addressing, and up
 * to 10 attempts per request: with its default 3 it gives up on the 503s of a 100 RPS limit.
 * Checksums only when required: RGW refuses newer awscli's streaming trailers (DSS.md §6).
 */
export const awscli = async (target: PeerTarget) => {
  const home = await newHome('bench-aws-')
  await writeFile(
    path.join(home, 'config'),
    '[default]\nregion = us-east-1\nretry_mode = standard\nmax_attempts = 10\ns3 =\n  addressing_style = path\n',
  )
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'),
    AWS_ACCESS_KEY_ID: target.accessKeyId,
    AWS_SECRET_ACCESS_KEY: target.secretAccessKey,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
    AWS_PAGER: '',
  }
  if (target.caFile) env.AWS_CA_BUNDLE = target.caFile
  else delete env.AWS_CA_BUNDLE
  return (args: readonly string[]): Promise<Run> =>
    run(AWS, ['--endpoint-url', target.endpoint, ...args], env)
}

/** rclone with a remote named `bed`, `--tpslimit 100` as its request-rate limit. */
export const rclone = async (target: Target) => {
  const home = await newHome('bench-rclone-')
  const config = path.join(home, 'rclone.conf')
  await writeFile(
    config,
    `[bed]\ntype = s3\nprovider = Other\nendpoint = ${target.endpoint}\nforce_path_style = true\nregion = us-east-1\naccess_key_id = ${target.accessKeyId}\nsecret_access_key = ${target.secretAccessKey}\n`,
  )
  const env = { ...process.env }
  delete env.AWS_CA_BUNDLE
  return (args: readonly string[]): Promise<Run> =>
    run(RCLONE, ['--config', config, '--ca-cert', target.caFile, '--tpslimit', '100', ...args], env)
}

/**
 * curl on presigned URLs through the same emulator: one stream that only moves bytes, no hashing,
 * so its rate is about what the emulator's TLS path lets through. Null when curl is missing.
 */
export const curl = (caFile: string) =>
  existsSync(CURL)
    ? (args: readonly string[]): Promise<Run> =>
        run(CURL, ['-sS', '--fail', '--cacert', caFile, ...args], process.env)
    : null
