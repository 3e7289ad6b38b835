import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJournal, JOURNAL_FILE, type DownloadRecord } from './journal'

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

  it('sets an unreadable file aside instead of overwriting it', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'dss-journal-bad-'))
    await writeFile(path.join(other, JOURNAL_FILE), '{ not json')
    const journal = createJournal(other)
    expect(await journal.load()).toEqual([])
    expect(await readFile(path.join(other, `${JOURNAL_FILE}.unreadable`), 'utf8')).toBe(
      '{ not json',
    )
    await rm(other, { recursive: true, force: true })
  })
})
