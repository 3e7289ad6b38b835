/**
 * The keychain store against a real Secret Service: each run starts its own D-Bus session and an
 * unlocked GNOME Keyring in a temporary home (.ci/run installs libsecret-tools and gnome-keyring).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openKeychainSecretStore } from './keychain-secret-store'

let home: string
let env: NodeJS.ProcessEnv
let bus: ChildProcess
let keyring: ChildProcess

const firstLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '')
    })
    child.on('error', reject)
  })

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'dss-keyring-'))
  env = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_RUNTIME_DIR: home,
    XDG_DATA_HOME: path.join(home, 'data'),
  }
  bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  env.DBUS_SESSION_BUS_ADDRESS = await firstLine(bus)
  keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  keyring.stdin?.end('test-keyring-password')
  // The daemon prints nothing in the foreground: wait until the Secret Service answers.
  // A lookup can answer before the default collection exists, so wait for a real write.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const store = await openKeychainSecretStore({ platform: 'linux', env })
    const ready = await store?.set('__ready__', 'yes').then(
      () => true,
      () => false,
    )
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('GNOME Keyring did not come up on the test D-Bus session')
})

afterAll(async () => {
  keyring.kill()
  bus.kill()
  await rm(home, { recursive: true, force: true })
})

describe('keychain secret store', () => {
  it('keeps, reads, replaces and deletes secrets in the Secret Service', async () => {
    const store = await openKeychainSecretStore({ platform: 'linux', env })
    expect(store).not.toBeNull()
    if (!store) return
    expect(store.encrypted).toBe(true)
    expect(await store.get('acct-1')).toBeNull()
    await store.set('acct-1', 'wJalr "quoted" \\ secret/with+chars')
    expect(await store.get('acct-1')).toBe('wJalr "quoted" \\ secret/with+chars')
    await store.set('acct-1', 'replaced')
    expect(await store.get('acct-1')).toBe('replaced')
    await store.delete('acct-1')
    expect(await store.get('acct-1')).toBeNull()
  })

  it('is unavailable without a Secret Service, so the caller falls back to a file', async () => {
    const store = await openKeychainSecretStore({
      platform: 'linux',
      env: {
        PATH: process.env.PATH,
        HOME: home,
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${home}/no-bus`,
      },
    })
    expect(store).toBeNull()
  })

  it('is unavailable on platforms without a command-line keychain', async () => {
    expect(await openKeychainSecretStore({ platform: 'win32', env })).toBeNull()
  })
})
