import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createJournal,
  JOURNAL_FILE,
  PARTS_FILE,
  readJournal,
  type DownloadRecord,
  type JournalPart,
  type UploadRecord,
} from './journal'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dss-journal-'))
})

afterAll(() => rm(dir, { recursive: true, force: true }))

const record = (id: string): DownloadRecord => ({
  kind: 'download',
  id,
  batchId: 'b',
  accountId: 'a',
  bucket: 'bucket',
  key: id,
  localPath: `/tmp/${id}`,
  etag: '"e"',
  size: 1,
})

describe('journal', () => {
  it('keeps records across instances and writes bursts as few whole files', async () => {
    const first = createJournal(dir)
    await first.load()
    const saves = Array.from({ length: 50 }, (_, index) => {
      first.put(record(`r${index}`))
      return first.save()
    })
    first.remove('r0')
    await Promise.all([...saves, first.save()])
    const again = createJournal(dir)
    const loaded = await again.load()
    expect(loaded).toHaveLength(49)
    expect(again.get('r0', 'download')).toBeUndefined()
    expect(again.get('r49', 'download')).toEqual(record('r49'))
  })

  it('never writes before reading, so the last run’s records survive', async () => {
    const journal = createJournal(dir)
    journal.put(record('late'))
    await journal.save()
    const file = JSON.parse(await readFile(path.join(dir, JOURNAL_FILE), 'utf8')) as {
      transfers: unknown[]
    }
    expect(file.transfers).toHaveLength(50)
  })

  it('sets a damaged file aside (and says so) instead of overwriting it', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'dss-journal-bad-'))
    await writeFile(path.join(other, JOURNAL_FILE), '{ not json')
    const setAside: string[] = []
    const journal = createJournal(other, ({ movedTo }) => setAside.push(path.basename(movedTo)))
    expect(await journal.load()).toEqual([])
    expect(setAside).toEqual([expect.stringMatching(/^transfers\.json\.corrupt-/)])
    expect(await readFile(path.join(other, setAside[0] ?? ''), 'utf8')).toBe('{ not json')
    await rm(other, { recursive: true, force: true })
  })

  it('keeps the records that parse, never resuming one that does not', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'dss-journal-part-bad-'))
    const broken = { ...record('broken'), size: -1 }
    await writeFile(
      path.join(other, JOURNAL_FILE),
      JSON.stringify({ version: 1, transfers: [record('fine'), broken] }),
    )
    const setAside: string[] = []
    const journal = createJournal(other, ({ movedTo }) => setAside.push(movedTo))
    expect(await journal.load()).toEqual([record('fine')])
    expect(setAside).toHaveLength(1)
    expect(await readJournal(other)).toEqual([record('fine')])
    await rm(other, { recursive: true, force: true })
  })
})

describe('parts in the journal', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'dss-journal-parts-'))
  })
  afterEach(() => rm(folder, { recursive: true, force: true }))

  const part = (number: number): JournalPart => ({
    number,
    etag: `"${String(number).padStart(32, '0')}"`,
    md5: String(number).padStart(32, '0'),
  })
  const upload = (parts: readonly JournalPart[], uploadId = 'u1'): UploadRecord => ({
    kind: 'upload',
    id: 'up',
    batchId: 'b',
    accountId: 'a',
    bucket: 'bucket',
    key: 'big.bin',
    name: 'big.bin',
    path: '/tmp/big.bin',
    stagedId: null,
    size: 20,
    mtimeMs: 1,
    contentType: 'application/octet-stream',
    uploadId,
    partSize: 5,
    parts,
  })

  it('a part is on disk once addPart resolves, with no whole-file save', async () => {
    const journal = createJournal(folder)
    await journal.load()
    journal.put(upload([]))
    await journal.save()
    await journal.addPart(upload([part(1)]), part(1))
    await journal.addPart(upload([part(1), part(2)]), part(2))
    // What the next start would read, were the process killed now.
    expect(await readJournal(folder)).toEqual([upload([part(1), part(2)])])
    const again = createJournal(folder)
    await again.load()
    expect(again.get('up', 'upload')?.parts).toEqual([part(1), part(2)])
  })

  it('a save folds the parts into transfers.json and empties transfers.parts', async () => {
    const journal = createJournal(folder)
    await journal.load()
    journal.put(upload([]))
    await journal.save()
    await journal.addPart(upload([part(1)]), part(1))
    await journal.save()
    expect(await readFile(path.join(folder, PARTS_FILE), 'utf8')).toBe('')
    expect(await readJournal(folder)).toEqual([upload([part(1)])])
  })

  it('skips a line cut off by a crash, and lines of another upload of the same transfer', async () => {
    const journal = createJournal(folder)
    await journal.load()
    journal.put(upload([], 'u2'))
    await journal.save()
    const line = (uploadId: string, arrived: JournalPart): string =>
      `${JSON.stringify({ id: 'up', uploadId, part: arrived })}\n`
    await writeFile(
      path.join(folder, PARTS_FILE),
      line('u1', part(1)) + line('u2', part(2)) + line('u2', part(3)).slice(0, 20),
    )
    const setAside: string[] = []
    const again = createJournal(folder, ({ movedTo }) => setAside.push(movedTo))
    await again.load()
    expect(again.get('up', 'upload')?.parts).toEqual([part(2)])
    expect(setAside).toEqual([])
  })

  it('sets transfers.parts aside when a line in the middle is damaged, keeping the good ones', async () => {
    const journal = createJournal(folder)
    await journal.load()
    journal.put(upload([]))
    await journal.save()
    await writeFile(
      path.join(folder, PARTS_FILE),
      `${JSON.stringify({ id: 'up', uploadId: 'u1', part: part(1) })}\nnot json\n`,
    )
    const setAside: string[] = []
    const again = createJournal(folder, ({ movedTo }) => setAside.push(path.basename(movedTo)))
    await again.load()
    expect(again.get('up', 'upload')?.parts).toEqual([part(1)])
    expect(setAside).toEqual([expect.stringMatching(/^transfers\.parts\.corrupt-/)])
  })

  it('a part that arrives after its upload was given up does not bring the upload back', async () => {
    const journal = createJournal(folder)
    await journal.load()
    journal.put(upload([]))
    await journal.save()
    journal.remove('up')
    await journal.save()
    await journal.addPart(upload([part(1)]), part(1))
    // Started over under a new upload id: a late part of the old one is not counted either.
    journal.put(upload([], 'u2'))
    await journal.addPart(upload([part(2)], 'u1'), part(2))
    await journal.save()
    expect(await readJournal(folder)).toEqual([upload([], 'u2')])
  })

  it('writes transfers.json and transfers.parts readable by the user only', async () => {
    const journal = createJournal(folder)
    await journal.load()
    journal.put(upload([]))
    await journal.save()
    await journal.addPart(upload([part(1)]), part(1))
    expect((await stat(path.join(folder, JOURNAL_FILE))).mode & 0o777).toBe(0o600)
    expect((await stat(path.join(folder, PARTS_FILE))).mode & 0o777).toBe(0o600)
  })
})
