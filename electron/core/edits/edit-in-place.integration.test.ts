/**
 * Open and edit in place (issue 14 §2) on the test bed: a stand-in editor — a separate process
 * that rewrites the temporary copy the way editors save (a new file renamed over the old) — and
 * the object is updated once per save; a save that finds the server copy changed meanwhile is not
 * sent until the user chooses, and "keep both" puts it beside the other; nothing is left behind.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { access, mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { EditSession } from '../../../shared/edits'
import { startHarness, type Harness } from '../testing/core-harness'

/** Reads lines "save <text>" and saves the file with that text, as an editor does; says "saved". */
const EDITOR = `
const fs = require('node:fs')
const file = process.argv[1]
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  const text = line.slice('save '.length)
  fs.writeFileSync(file + '.swp', text)
  fs.renameSync(file + '.swp', file)
  process.stdout.write('saved\\n')
})
`

let h: Harness
let root: string
let editor: ChildProcessWithoutNullStreams | null = null
const opened: string[] = []
const updates: EditSession[] = []

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dss-edit-test-'))
  h = await startHarness({
    buckets: ['edit'],
    prefix: 'edit',
    core: {
      editSettleMs: 100,
      // The system's app, played by a process that saves when the test says so.
      openFile: async (file) => {
        opened.push(file)
        editor = spawn(process.execPath, ['-e', EDITOR, file])
      },
    },
  })
  h.core.events.on('edits.updated', (session) => updates.push(session))
  await h.direct.send(new PutObjectCommand({ Bucket: 'edit', Key: 'docs/note.txt', Body: 'v1' }))
})

afterAll(async () => {
  editor?.kill()
  await h.stop()
  await rm(root, { recursive: true, force: true })
})

const save = async (text: string): Promise<void> => {
  const process = editor
  if (!process) throw new Error('The editor is not running.')
  const saved = new Promise((resolve) => process.stdout.once('data', resolve))
  process.stdin.write(`save ${text}\n`)
  await saved
}

const contents = async (key: string): Promise<string> => {
  const answer = await h.direct.send(new GetObjectCommand({ Bucket: 'edit', Key: key }))
  return (await answer.Body?.transformToString()) ?? ''
}

const puts = (key: string): number =>
  h.bed.emulator
    .log()
    .filter((entry) => entry.method === 'PUT' && entry.path === `/edit/${encodeURI(key)}`).length

const latest = (): EditSession | undefined => updates.at(-1)

describe('editing an object in place', () => {
  let session: EditSession

  it('opens a temporary copy of the object in the system’s app', async () => {
    session = await h.call('edits.open', {
      accountId: h.accountId,
      bucket: 'edit',
      key: 'docs/note.txt',
    })
    expect(session).toMatchObject({ state: 'editing', key: 'docs/note.txt', saves: 0 })
    expect(opened).toHaveLength(1)
    expect(path.basename(opened[0] ?? '')).toBe('note.txt')
    // Opening it again gives the same session, not a second copy.
    expect(
      await h.call('edits.open', { accountId: h.accountId, bucket: 'edit', key: 'docs/note.txt' }),
    ).toMatchObject({ id: session.id })
  })

  it('uploads each save once', async () => {
    h.bed.emulator.clearLog()
    await save('v2')
    await vi.waitFor(() => expect(latest()).toMatchObject({ state: 'editing', saves: 1 }), 20_000)
    expect(await contents('docs/note.txt')).toBe('v2')
    await save('v3, longer')
    await vi.waitFor(() => expect(latest()).toMatchObject({ state: 'editing', saves: 2 }), 20_000)
    expect(await contents('docs/note.txt')).toBe('v3, longer')
    expect(puts('docs/note.txt')).toBe(2)
  })

  it('holds a save when the server copy changed meanwhile, and keeps both when asked', async () => {
    await h.direct.send(
      new PutObjectCommand({ Bucket: 'edit', Key: 'docs/note.txt', Body: 'from someone else' }),
    )
    h.bed.emulator.clearLog()
    await save('v4')
    await vi.waitFor(() => expect(latest()?.state).toBe('conflict'), 20_000)
    expect(latest()?.error?.message).toContain('was changed on the server since you opened it')
    expect(puts('docs/note.txt')).toBe(0)
    expect(await contents('docs/note.txt')).toBe('from someone else')

    const resolved = await h.call('edits.resolve', { id: session.id, choice: 'keep-both' })
    expect(resolved).toMatchObject({ state: 'editing', key: 'docs/note (1).txt', saves: 3 })
    expect(await contents('docs/note (1).txt')).toBe('v4')
    expect(await contents('docs/note.txt')).toBe('from someone else')

    // Editing goes on with the copy it saved.
    await save('v5')
    await vi.waitFor(() => expect(latest()).toMatchObject({ state: 'editing', saves: 4 }), 20_000)
    expect(await contents('docs/note (1).txt')).toBe('v5')
  })

  it('leaves nothing in the temporary folder once editing ends', async () => {
    const folder = path.dirname(opened[0] ?? '')
    await h.call('edits.stop', { id: session.id })
    expect(latest()?.state).toBe('stopped')
    await expect(access(folder)).rejects.toThrow()
    expect(await h.call('edits.list', {})).toEqual([])
    expect(await readdir(path.dirname(folder))).toEqual([])
  })
})
