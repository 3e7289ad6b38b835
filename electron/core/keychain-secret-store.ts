/**
 * The OS keychain for the web shell, through the system's own command-line tools: the Secret
 * Service (GNOME Keyring, KWallet) via `secret-tool` on Linux, the login keychain via `security`
 * on macOS. Secrets travel on stdin, never in a command line other processes could read.
 */
import { spawn } from 'node:child_process'
import type { SecretStore } from './secret-store'

const SERVICE = 'dss-explorer'

type Outcome = { readonly code: number | null; readonly stdout: string; readonly stderr: string }

const exec = (
  command: string,
  args: readonly string[],
  input: string,
  env: NodeJS.ProcessEnv,
): Promise<Outcome> =>
  new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: null, stdout, stderr: error.message })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(input)
  })

type Backend = {
  readonly name: string
  get(account: string): Promise<Outcome>
  set(account: string, secret: string): Promise<Outcome>
  delete(account: string): Promise<Outcome>
}

const secretTool = (env: NodeJS.ProcessEnv): Backend => ({
  name: 'the Secret Service keyring',
  get: (account) =>
    exec('secret-tool', ['lookup', 'service', SERVICE, 'account', account], '', env),
  set: (account, secret) =>
    exec(
      'secret-tool',
      ['store', '--label', `DSS Explorer (${account})`, 'service', SERVICE, 'account', account],
      secret,
      env,
    ),
  delete: (account) =>
    exec('secret-tool', ['clear', 'service', SERVICE, 'account', account], '', env),
})

/** `security -i` reads its commands from stdin, so the secret is not in any argv. */
const quote = (text: string): string => `"${text.replace(/["\\]/g, '\\$&')}"`
const macKeychain = (env: NodeJS.ProcessEnv): Backend => ({
  name: 'the macOS keychain',
  get: (account) =>
    exec('security', ['find-generic-password', '-s', SERVICE, '-a', account, '-w'], '', env),
  set: (account, secret) =>
    exec(
      'security',
      ['-i'],
      `add-generic-password -U -s ${SERVICE} -a ${quote(account)} -w ${quote(secret)}\n`,
      env,
    ),
  delete: (account) =>
    exec('security', ['delete-generic-password', '-s', SERVICE, '-a', account], '', env),
})

const fail = (backend: Backend, action: string, outcome: Outcome): Error =>
  new Error(
    `Could not ${action} the secret in ${backend.name}: ${outcome.stderr.trim() || `exit ${outcome.code}`}`,
  )

/**
 * The keychain store if this machine has a working one (a probe lookup answers "found" or "not
 * found" rather than failing), else null so the caller falls back to a file.
 */
export const openKeychainSecretStore = async (
  options: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv } = {},
): Promise<SecretStore | null> => {
  const platform = options.platform ?? process.platform
  const env = options.env ?? process.env
  const backend =
    platform === 'linux' ? secretTool(env) : platform === 'darwin' ? macKeychain(env) : null
  if (!backend) return null
  const probe = await backend.get('__dss_explorer_probe__')
  // "Not found" is an answer: secret-tool exits 1 saying nothing, security exits 44.
  const answered =
    probe.code === 0 ||
    (platform === 'linux' ? probe.code === 1 && probe.stderr.trim() === '' : probe.code === 44)
  if (!answered) return null
  return {
    description: backend.name,
    encrypted: true,
    async get(accountId) {
      const outcome = await backend.get(accountId)
      if (outcome.code === 0) return outcome.stdout.replace(/\n$/, '')
      const notFound =
        platform === 'linux'
          ? outcome.code === 1 && outcome.stderr.trim() === ''
          : outcome.code === 44
      if (notFound) return null
      throw fail(backend, 'read', outcome)
    },
    async set(accountId, secret) {
      const outcome = await backend.set(accountId, secret)
      if (outcome.code !== 0) throw fail(backend, 'save', outcome)
    },
    async delete(accountId) {
      await backend.delete(accountId)
    },
  }
}
