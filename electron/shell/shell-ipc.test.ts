/**
 * The booted app's IPC, end to end: the page's window.dss (the built preload) → the stand-in's
 * IPC → the shell's trust check → the real core → the DSS test bed, and the events back; frames
 * that are not our page refused; drag out from the page's dragstart.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestBed, type TestBed } from '../../e2e/testbed/test-bed'
import type { AccountSummary } from '../../shared/accounts'
import type { DssApi } from '../../shared/contract'
import { directClientOf } from '../core/testing/transfer-core'
import { INVOKE_CHANNEL, DRAG_CHANNEL } from './channels'
import { bootShell, type ElectronProcess } from './testing/boot-shell'
import { buildApp, type BuiltApp } from './testing/build-app'
import { dssOf, ipcTurns, mainWindowOf } from './testing/shell-page'

const BUCKET = 'shell-ipc'

let built: BuiltApp
let bed: TestBed
let direct: S3Client
let work: string
let electron: ElectronProcess
let dss: DssApi
let accountId: string
const notices: { level: string; message: string }[] = []

beforeAll(async () => {
  ;[built, bed] = await Promise.all([buildApp(), startTestBed({ buckets: [BUCKET] })])
  direct = directClientOf(bed)
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-shell-ipc-'))
  electron = await bootShell(built.mainFile, {
    userData: path.join(work, 'data'),
    downloads: path.join(work, 'downloads'),
  })
  await vi.waitFor(() => expect(electron.standIn.windows()[0]?.isVisible()).toBe(true), {
    timeout: 15_000,
  })
  dss = dssOf(electron)
  dss.on('app.notice', (notice) => notices.push(notice))
}, 120_000)

afterAll(async () => {
  electron?.app.quit()
  await electron?.app.exited
  direct?.destroy()
  await bed?.stop()
  await built?.remove()
  await rm(work, { recursive: true, force: true })
})

const draft = () => ({
  name: 'Test bed',
  kind: 'custom' as const,
  endpoint: bed.endpoint,
  accessKeyId: bed.accessKeyId,
  secretAccessKey: bed.secretAccessKey,
  caFile: bed.caFile,
})

describe('window.dss', () => {
  it('sends a real command through the real core to the test bed and hears its events', async () => {
    const heard: (readonly AccountSummary[])[] = []
    const stop = dss.on('accounts.changed', (accounts) => heard.push(accounts))
    const saved = await dss.invoke('accounts.save', { draft: draft() })
    if (!saved.ok) throw new Error(saved.error.message)
    accountId = saved.value.id
    await vi.waitFor(
      () =>
        expect(heard.at(-1)).toContainEqual(
          expect.objectContaining({ id: accountId, hasSecret: true }),
        ),
      { timeout: 15_000 },
    )
    bed.emulator.clearLog()
    const buckets = await dss.invoke('buckets.list', { accountId })
    expect(buckets).toMatchObject({ ok: true, value: [expect.objectContaining({ name: BUCKET })] })
    // It went through the DSS gateway emulator, signed with the saved account's keys.
    expect(bed.emulator.log().map((entry) => entry.method)).toEqual(['GET'])

    // Unsubscribed, the page hears no more.
    stop()
    const count = heard.length
    await dss.invoke('accounts.save', { id: accountId, draft: { ...draft(), name: 'Renamed' } })
    await ipcTurns()
    expect(heard).toHaveLength(count)
  })

  it('gets the contract’s errors as values, such as a malformed request', async () => {
    expect(await dss.invoke('buckets.list', { accountId: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
  })
})

describe('frames that are not our page', () => {
  const rawInvoke = (
    ipc: ReturnType<ReturnType<typeof mainWindowOf>['webContents']['page']['electronIn']>,
  ) => ipc.ipcRenderer.invoke(INVOKE_CHANNEL, 'accounts.list', {})

  it('refuses a child frame, even one loaded from app://dss-explorer', async () => {
    const { page } = mainWindowOf(electron).webContents
    for (const url of ['app://dss-explorer/index.html', 'https://evil.example/']) {
      const child = page.addChildFrame(url)
      expect(await rawInvoke(page.electronIn(child))).toEqual({
        ok: false,
        error: { code: 'UNTRUSTED_SENDER', message: expect.any(String) },
      })
    }
    // The page's own top frame, on the same channel, is answered.
    expect(await rawInvoke(page.electronIn())).toMatchObject({ ok: true })
  })

  it('refuses a window showing another origin', async () => {
    const other = new electron.BrowserWindow({ show: false })
    await other.webContents.loadURL('https://evil.example/')
    expect(other.webContents.mainFrame.origin).toBe('https://evil.example')
    expect(await rawInvoke(other.webContents.page.electronIn())).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    })
    other.destroy()
  })

  it('refuses a frame the page has navigated away from', async () => {
    const contents = mainWindowOf(electron).webContents
    const before = contents.page.electronIn()
    expect(await contents.navigateFromPage('app://dss-explorer/index.html')).toBe(true)
    expect(await rawInvoke(before)).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    })
    dss = dssOf(electron)
    dss.on('app.notice', (notice) => notices.push(notice))
  })

  it('starts no drag for a child frame', async () => {
    const contents = mainWindowOf(electron).webContents
    const child = contents.page.addChildFrame('app://dss-explorer/index.html')
    const count = notices.length
    contents.page.dragStart(() =>
      contents.page
        .electronIn(child)
        .ipcRenderer.send(DRAG_CHANNEL, { accountId, bucket: BUCKET, key: 'x.txt' }),
    )
    await ipcTurns()
    expect(contents.drags).toHaveLength(0)
    expect(notices).toHaveLength(count)
  })
})

describe('dragging an object out', () => {
  const put = (key: string, body: Uint8Array) =>
    direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }))
  const ref = (key: string) => ({ accountId, bucket: BUCKET, key })

  /**
   * The page's dragstart, as object-row.tsx has it, until main has the file and starts the drag:
   * while the dragstart message is handled, with a file that exists, and no error said.
   */
  const dragUntilStarted = async (key: string) => {
    const contents = mainWindowOf(electron).webContents
    const before = contents.drags.length
    const said = notices.length
    await vi.waitFor(
      async () => {
        contents.page.dragStart(() => dss.startDrag?.(ref(key)))
        await ipcTurns()
        expect(contents.drags.length).toBe(before + 1)
      },
      { timeout: 15_000, interval: 100 },
    )
    const drag = contents.drags.at(-1)
    expect(drag).toMatchObject({ duringDragStart: true, filesExisted: true })
    expect(notices.slice(said).filter((notice) => notice.level !== 'info')).toEqual([])
    return drag
  }

  it('starts the OS drag while dragstart is handled, with the file fetched when it was selected', async () => {
    const body = randomBytes(300_000)
    await put('reports/q3.pdf', body)
    const count = notices.length
    dss.prepareDrag?.({ accountId, bucket: BUCKET, keys: ['reports/q3.pdf'] })
    const drag = await dragUntilStarted('reports/q3.pdf')
    expect(path.basename(drag?.files[0] ?? '')).toBe('q3.pdf')
    expect(await readFile(drag?.files[0] ?? '')).toEqual(body)
    // The desktop has no file-type icon (empty): the app's own page icon, never an empty one.
    expect(drag?.icon.getSize()).toEqual({ width: 32, height: 32 })
    // Tries before the file was there said so plainly.
    expect(notices.slice(count).every((notice) => notice.level === 'info')).toBe(true)
    // The second drag of the type still gets a usable icon.
    expect((await dragUntilStarted('reports/q3.pdf'))?.icon.isEmpty()).toBe(false)
  })

  it('fetches an object dragged without being selected, and says to drag it again', async () => {
    await put('notes/todo.txt', Buffer.from('milk'))
    electron.app.fileIcon = 'pixel'
    const count = notices.length
    const drag = await dragUntilStarted('notes/todo.txt')
    expect(notices.slice(count)[0]).toEqual({
      level: 'info',
      message: '"todo.txt" is still being fetched for dragging; drag it again in a moment.',
    })
    expect(await readFile(drag?.files[0] ?? '', 'utf8')).toBe('milk')
    // Its first drag asked the desktop for the .txt icon; the next one carries it.
    expect((await dragUntilStarted('notes/todo.txt'))?.icon.getSize()).toEqual({
      width: 1,
      height: 1,
    })
  })

  it('refuses a folder with a word about Download, and starts nothing', async () => {
    const contents = mainWindowOf(electron).webContents
    const drags = contents.drags.length
    const count = notices.length
    contents.page.dragStart(() => dss.startDrag?.(ref('reports/')))
    await vi.waitFor(
      () =>
        expect(notices.slice(count)).toEqual([
          {
            level: 'error',
            message: 'Could not drag it out: Folders cannot be dragged out; use Download.',
          },
        ]),
      { timeout: 15_000 },
    )
    expect(contents.drags).toHaveLength(drags)
  })
})
