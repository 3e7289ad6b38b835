/**
 * Test connection, listings, properties, previews and clash checks can be given up: a command
 * sent with a `requestId` ends with CANCELLED when `requests.cancel` names it, however long the
 * server would keep it waiting (the core here has its default time limits, far longer than the
 * test's timeout).
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommandName } from '../../shared/contract'
import { startHarness, type Harness } from './testing/core-harness'

let h: Harness
let silent: net.Server
let silentPort: number
const held = new Set<net.Socket>()
/** Resolves at the next connection the silent server accepts. */
let connected: () => Promise<void>

beforeAll(async () => {
  h = await startHarness({ buckets: ['cancel'], prefix: 'cancel' })
  const waiting: (() => void)[] = []
  silent = net.createServer((socket) => {
    held.add(socket)
    socket.once('close', () => held.delete(socket))
    waiting.splice(0).forEach((wake) => wake())
  })
  connected = () => new Promise((resolve) => waiting.push(resolve))
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  silentPort = (silent.address() as net.AddressInfo).port
})

afterAll(async () => {
  for (const socket of held) socket.destroy()
  await new Promise((resolve) => silent.close(resolve))
  await h.stop()
})

/** Sends a command without waiting for it; its result once it ends. */
const send = (name: CommandName, request: unknown) =>
  h.core.dispatch(name, request, { trusted: true })

describe('cancelling', () => {
  it('Test connection to a server that never answers ends with CANCELLED', async () => {
    const arrived = connected()
    const testing = send('accounts.test', {
      draft: h.draft({ endpoint: `https://127.0.0.1:${silentPort}`, caFile: null }),
      requestId: 'test-1',
    })
    await arrived
    expect(await h.call('requests.cancel', { requestId: 'test-1' })).toEqual({ cancelled: true })
    expect(await testing).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: 'Cancelled.' },
    })
  })

  it.each([
    ['objects.list', { bucket: 'cancel', prefix: '' }],
    ['buckets.list', {}],
    ['objects.head', { bucket: 'cancel', key: 'a.txt' }],
    ['objects.preview', { bucket: 'cancel', key: 'a.txt' }],
    ['transfers.conflicts', { bucket: 'cancel', keys: ['in/a.txt'] }],
    [
      'jobs.clashes',
      {
        kind: 'copy',
        selection: { bucket: 'cancel', keys: ['a.txt'], prefixes: [] },
        target: { bucket: 'cancel', prefix: 'copies/' },
      },
    ],
  ] as const)('%s that the server holds ends with CANCELLED', async (name, request) => {
    h.bed.emulator.setFaults({ stall: { mode: 'answer' } })
    const arrived = new Promise<void>((resolve) => {
      const stop = h.bed.emulator.onArrival(() => {
        stop()
        resolve()
      })
    })
    try {
      const listing = send(name, { accountId: h.accountId, ...request, requestId: `${name}-1` })
      await arrived
      expect(await h.call('requests.cancel', { requestId: `${name}-1` })).toEqual({
        cancelled: true,
      })
      expect(await listing).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    } finally {
      h.bed.emulator.setFaults({})
    }
    // The account works on: the cancelled request left nothing stuck behind it.
    expect(await h.listAll('cancel', '')).toEqual({ keys: [], folders: [] })
  })

  it('a request id that is not running cancels nothing', async () => {
    expect(await h.call('requests.cancel', { requestId: 'never-sent' })).toEqual({
      cancelled: false,
    })
    await h.call('objects.list', {
      accountId: h.accountId,
      bucket: 'cancel',
      prefix: '',
      requestId: 'done',
    })
    expect(await h.call('requests.cancel', { requestId: 'done' })).toEqual({ cancelled: false })
  })
})
