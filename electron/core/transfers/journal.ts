/**
 * The transfer journal (transfers.json in the data folder), written atomically: every unfinished
 * multipart upload with its upload id, part size and the parts that arrived (with ETags and MD5s),
 * and every download with a partial file. DSS has no ListParts or ListMultipartUploads, so this
 * record is the only way to resume or abort an upload after a crash (DSS.md §1).
 */
import { rename } from 'node:fs/promises'
import path from 'node:path'
import type { TransferRef } from '../../../shared/transfers'
import { readJson, writeJsonAtomic } from '../atomic-file'

export type JournalPart = {
  readonly number: number
  readonly etag: string
  /** Hex MD5 of the part's bytes, for the final ETag check. */
  readonly md5: string
}

type NumberPair = readonly [number, number]

export type UploadRecord = TransferRef & {
  readonly kind: 'upload'
  readonly name: string
  /** The file read; for a staged file, its place in the staging folder. */
  readonly path: string
  readonly stagedId: string | null
  readonly size: number
  readonly mtimeMs: number
  readonly contentType: string
  readonly uploadId: string
  readonly partSize: number
  readonly parts: readonly JournalPart[]
}

export type DownloadRecord = TransferRef & {
  readonly kind: 'download'
  /** The final path; bytes so far are in `${localPath}.part`. */
  readonly localPath: string
  /** The object's ETag when the partial file was started: a resume asks for If-Match it. */
  readonly etag: string
  readonly size: number
  /**
   * Parallel ranged downloads (large objects): the range size, and the ranges that arrived as
   * runs of indexes. Absent for a download written front to back.
   */
  readonly chunkSize?: number
  readonly chunks?: readonly NumberPair[]
  /** Ranges started but not finished, as [index, bytes from its start on disk]. */
  readonly partial?: readonly NumberPair[]
}

/**
 * A transfer queued and not started yet (or one that never got as far as a record of its own):
 * enough to queue it again after a restart. Its task replaces it with an upload or download
 * record once it has something to resume.
 */
export type QueuedRecord = TransferRef & {
  readonly kind: 'queued'
  readonly name: string
  readonly localPath: string | null
  readonly bytesTotal: number | null
  readonly work:
    | { readonly type: 'upload-file'; readonly path: string; readonly stagedId: string | null }
    | { readonly type: 'upload-folder' }
    | { readonly type: 'download-file'; readonly localPath: string; readonly size: number | null }
    | { readonly type: 'download-folder'; readonly localPath: string }
}

export type JournalRecord = UploadRecord | DownloadRecord | QueuedRecord

export type RecordOf<K extends JournalRecord['kind']> = Extract<JournalRecord, { kind: K }>

type JournalFile = { readonly version: 1; readonly transfers: readonly JournalRecord[] }

export type Journal = {
  /** Reads the file once; later calls return the same records. */
  load(): Promise<readonly JournalRecord[]>
  /** The transfer's record if it is of this kind (a queued record is no upload to continue). */
  get<K extends JournalRecord['kind']>(id: string, kind: K): RecordOf<K> | undefined
  put(record: JournalRecord): void
  remove(id: string): void
  /** Resolves once everything put or removed so far is on disk. */
  save(): Promise<void>
  /** Saves within a moment, once for a burst of changes (queued transfers coming and going). */
  saveSoon(): void
}

/** How long `saveSoon` gathers changes. */
const SAVE_SOON_MS = 500

export const JOURNAL_FILE = 'transfers.json'

export const createJournal = (dataDir: string): Journal => {
  const file = path.join(dataDir, JOURNAL_FILE)
  const records = new Map<string, JournalRecord>()
  let loaded: Promise<readonly JournalRecord[]> | null = null
  let chain: Promise<void> = Promise.resolve()
  let queued: Promise<void> | null = null
  let soon: NodeJS.Timeout | null = null

  const load = (): Promise<readonly JournalRecord[]> => {
    loaded ??= readJson<JournalFile>(file, { version: 1, transfers: [] })
      .catch(async () => {
        // Unreadable: keep it aside for a person to look at rather than overwrite it.
        await rename(file, `${file}.unreadable`).catch(() => undefined)
        return { version: 1 as const, transfers: [] }
      })
      .then((content) => {
        for (const record of content.transfers) {
          if (!records.has(record.id)) records.set(record.id, record)
        }
        return [...records.values()]
      })
    return loaded
  }

  const journal: Journal = {
    load,
    get<K extends JournalRecord['kind']>(id: string, kind: K) {
      const record = records.get(id)
      return record?.kind === kind ? (record as RecordOf<K>) : undefined
    },
    put(record) {
      records.set(record.id, record)
    },
    remove(id) {
      records.delete(id)
    },
    saveSoon() {
      soon ??= setTimeout(() => {
        soon = null
        void journal.save().catch(() => undefined)
      }, SAVE_SOON_MS)
      soon.unref()
    },
    save() {
      if (soon) clearTimeout(soon)
      soon = null
      // Writes never overlap, and a burst of saves while one is writing becomes one more write.
      if (queued) return queued
      const next = chain.then(async () => {
        queued = null
        // Never write before reading: that would drop the records of the last run.
        await load()
        await writeJsonAtomic(file, {
          version: 1,
          transfers: [...records.values()],
        } satisfies JournalFile)
      })
      queued = next
      chain = next.catch(() => undefined)
      return next
    },
  }
  return journal
}
