import { describe, expect, it, vi } from 'vitest'
import type { CommandRequest } from '../../shared/contract'
import type { StageFile } from '../api/stage-file'
import { demo, names, openAndWait, setUpBrowser } from './browser-store.test-fixture'
import type { PickedUpload } from './upload-batch'
import type { UploadOptions } from './uploads-slice'
import { selectVisibleEntries } from './visible-entries'

const file = (name: string, text = `${name} body`) => new File([text], name, { lastModified: 1000 })

/** A dropped file 'a.txt' and a folder 'photos' holding two files and an empty folder. */
const dropped: PickedUpload = {
  files: [
    { file: file('a.txt'), relativePath: 'a.txt' },
    { file: file('1.jpg', 'x'.repeat(300)), relativePath: 'photos/1.jpg' },
    { file: file('2.jpg'), relativePath: 'photos/2024/2.jpg' },
  ],
  folders: ['photos/empty/'],
}

/** Stages like the web shell: answers a new id per file and remembers what it was given. */
const fakeStaging = (
  fail?: (file: File) => boolean,
  code: 'INVALID_REQUEST' | 'FILE_CHANGED' = 'INVALID_REQUEST',
) => {
  const staged: string[] = []
  let next = 0
  const stageFile: StageFile = async (file) => {
    if (fail?.(file)) {
      return { ok: false, error: { code, message: `No room for ${file.name}.` } }
    }
    staged.push(file.name)
    const id = String(++next).padStart(12, '0')
    return { ok: true, value: { stagedId: `00000000-0000-4000-8000-${id}` } }
  }
  return { staged, stageFile }
}

const setUp = async (
  objects: readonly string[],
  uploads: Partial<UploadOptions> = {},
  pathForFile?: (file: unknown) => string,
) => {
  const staging = fakeStaging()
  const bed = await setUpBrowser({ demo: objects }, pathForFile ? { pathForFile } : {}, {
    stageFile: staging.stageFile,
    ...uploads,
  })
  await openAndWait(bed.store, demo)
  const uploadRequests = () =>
    bed
      .callsOf('transfers.upload')
      .map((call) => call.request as CommandRequest<'transfers.upload'>)
  return { ...bed, staging, uploadRequests }
}

describe('uploading', () => {
  it('stages dropped files in the web shell, queues them with relative keys, and lists them', async () => {
    const { store, staging, uploadRequests, callsOf } = await setUp(['old.txt'])
    const upload = store.getState().upload(demo, dropped)
    expect(store.getState().transfersPanelOpen).toBe(true)
    expect([...store.getState().preparations.values()][0]).toMatchObject({
      name: '2 items',
      state: 'checking',
      files: 3,
    })
    await upload
    expect(callsOf('transfers.conflicts')[0]?.request).toEqual({
      accountId: 'sandbox',
      bucket: 'demo',
      keys: ['a.txt', 'photos/1.jpg', 'photos/2024/2.jpg'],
      // So that cancelling the upload while it checks stops the check in main too.
      requestId: expect.stringContaining('conflicts') as unknown,
    })
    expect(staging.staged.sort()).toEqual(['1.jpg', '2.jpg', 'a.txt'])
    const [request] = uploadRequests()
    expect(request).toMatchObject({
      accountId: 'sandbox',
      bucket: 'demo',
      prefix: '',
      folders: ['photos/empty/'],
      conflict: 'overwrite',
    })
    expect(request?.files.map((entry) => entry.relativeKey)).toEqual([
      'a.txt',
      'photos/1.jpg',
      'photos/2024/2.jpg',
    ])
    expect(request?.files[1]?.source).toMatchObject({
      kind: 'staged',
      name: '1.jpg',
      size: 300,
      lastModified: 1000,
    })
    // The batch is main's now: its transfers replace the preparation.
    expect(store.getState().preparations.size).toBe(0)
    await vi.waitFor(() =>
      expect([...store.getState().transfers.values()].map((t) => t.state)).toEqual([
        'done',
        'done',
        'done',
        'done',
      ]),
    )
    await vi.waitFor(() =>
      expect(names(selectVisibleEntries(store.getState()))).toEqual(['photos', 'a.txt', 'old.txt']),
    )
  })

  it('asks once about clashes; Skip leaves existing keys out and does not stage them', async () => {
    const { store, staging, uploadRequests } = await setUp(['a.txt', 'photos/1.jpg'])
    const upload = store.getState().upload(demo, dropped)
    await vi.waitFor(() => expect(store.getState().dialog?.kind).toBe('name-clash'))
    const dialog = store.getState().dialog
    expect(dialog).toMatchObject({ existing: ['a.txt', 'photos/1.jpg'], total: 3 })
    expect([...store.getState().preparations.values()][0]?.state).toBe('asking')
    if (dialog?.kind !== 'name-clash') throw new Error('no name clash dialog')
    // Another dialog may take its place; the question can be asked again from the panel.
    store.getState().closeDialog()
    store.getState().askAgain(dialog.preparationId)
    expect(store.getState().dialog).toEqual(dialog)
    store.getState().answerNameClash(dialog.preparationId, 'skip')
    expect(store.getState().dialog).toBeNull()
    await upload
    expect(staging.staged).toEqual(['2.jpg'])
    expect(uploadRequests()[0]).toMatchObject({ conflict: 'skip', folders: ['photos/empty/'] })
    expect(uploadRequests()[0]?.files.map((entry) => entry.relativeKey)).toEqual([
      'photos/2024/2.jpg',
    ])
  })

  it('keeps both under a numbered name when asked to', async () => {
    const { store, uploadRequests } = await setUp(['a.txt'])
    const upload = store.getState().upload(demo, { files: dropped.files.slice(0, 1), folders: [] })
    await vi.waitFor(() => expect(store.getState().dialog?.kind).toBe('name-clash'))
    const dialog = store.getState().dialog
    if (dialog?.kind !== 'name-clash') throw new Error('no name clash dialog')
    store.getState().answerNameClash(dialog.preparationId, 'keep-both')
    await upload
    expect(uploadRequests()[0]?.conflict).toBe('keep-both')
    await vi.waitFor(() =>
      expect(names(selectVisibleEntries(store.getState()))).toEqual(['a (1).txt', 'a.txt']),
    )
  })

  it('sends nothing when the name clash is cancelled', async () => {
    const { store, staging, uploadRequests } = await setUp(['a.txt'])
    const upload = store.getState().upload(demo, dropped)
    await vi.waitFor(() => expect(store.getState().dialog?.kind).toBe('name-clash'))
    const dialog = store.getState().dialog
    if (dialog?.kind !== 'name-clash') throw new Error('no name clash dialog')
    store.getState().answerNameClash(dialog.preparationId, null)
    await upload
    expect(staging.staged).toEqual([])
    expect(uploadRequests()).toEqual([])
    expect(store.getState().preparations.size).toBe(0)
  })

  it('names files by path in Electron and stages nothing', async () => {
    const paths = new Map(
      dropped.files.map(({ file, relativePath }) => [file, `/home/me/${relativePath}`]),
    )
    const { store, staging, uploadRequests } = await setUp(
      [],
      {},
      (file) => paths.get(file as File) ?? '',
    )
    await store.getState().upload({ ...demo, prefix: 'in/' }, dropped)
    expect(staging.staged).toEqual([])
    expect(uploadRequests()[0]).toMatchObject({ prefix: 'in/', conflict: 'overwrite' })
    expect(uploadRequests()[0]?.files.map((entry) => entry.source)).toEqual([
      { kind: 'path', path: '/home/me/a.txt' },
      { kind: 'path', path: '/home/me/photos/1.jpg' },
      { kind: 'path', path: '/home/me/photos/2024/2.jpg' },
    ])
  })

  it('shows a staging failure on the batch until dismissed, and queues nothing', async () => {
    const failing = fakeStaging((file) => file.name === '2.jpg')
    const { store, uploadRequests } = await setUp([], { stageFile: failing.stageFile })
    await store.getState().upload(demo, dropped)
    const [preparation] = store.getState().preparations.values()
    expect(preparation).toMatchObject({
      state: 'failed',
      error: { code: 'INVALID_REQUEST', message: 'No room for 2.jpg.' },
    })
    expect(uploadRequests()).toEqual([])
    store.getState().cancelPreparation(preparation?.id ?? '')
    expect(store.getState().preparations.size).toBe(0)
  })

  it('sends a file that changed while it was read as unreadable, and the rest of the batch', async () => {
    const changing = fakeStaging((file) => file.name === '2.jpg', 'FILE_CHANGED')
    const { store, uploadRequests } = await setUp([], { stageFile: changing.stageFile })
    await store.getState().upload(demo, dropped)
    expect(store.getState().preparations.size).toBe(0)
    const [request] = uploadRequests()
    expect(request?.files.map((item) => [item.relativeKey, item.source.kind])).toEqual([
      ['a.txt', 'staged'],
      ['photos/1.jpg', 'staged'],
      ['photos/2024/2.jpg', 'unreadable'],
    ])
    expect(request?.files[2]?.source).toEqual({
      kind: 'unreadable',
      name: '2.jpg',
      size: '2.jpg body'.length,
      problem: 'No room for 2.jpg.',
    })
  })

  it('cuts a large batch into several commands, empty folders with the first', async () => {
    const { store, uploadRequests } = await setUp([], { chunkFiles: 2, stageConcurrency: 1 })
    const many: PickedUpload = {
      files: ['1', '2', '3', '4', '5'].map((name) => ({
        file: file(name),
        relativePath: `d/${name}`,
      })),
      folders: ['d/e/'],
    }
    await store.getState().upload(demo, many)
    expect(uploadRequests().map((request) => request.files.length)).toEqual([2, 2, 1])
    expect(uploadRequests().map((request) => request.folders)).toEqual([['d/e/'], [], []])
    expect([...store.getState().preparations.values()]).toEqual([])
  })
})
