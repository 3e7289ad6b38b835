/**
 * The transfer journal, in the data folder: every unfinished multipart upload with its upload id,
 * part size and the parts that arrived (with ETags and MD5s), every download with a partial file,
 * and every transfer still queued. DSS has no ListParts or ListMultipartUploads, so this record is
 * the only way to resume or abort an upload after a crash (DSS.md §1).
 *
 * Two files: transfers.json, the whole journal, rewritten atomically; and transfers.parts, one
 * line per part the server acknowledged since, appended and fsynced before the upload sends its
 * next request — so a crash at any moment costs only the parts that were in flight. Both are read
 * through schemas; a damaged one is set aside.
 */
import { open, readFile, truncate } from 'node:fs/promises'
import path from 'node:path'
import { CodedError } from '../../../shared/errors'
import type { TransferRef } from '../../../shared/transfers'
import {
  PRIVATE_FILE_MODE,
  readValidated,
  setAsideFile,
  syncDir,
  writeJsonAtomic,
  type OnSetAside,
} from '../atomic-file'
import {
  applyPartLines,
  EMPTY_JOURNAL,
  journalFile,
  partLineText,
  salvageJournal,
} from './journal-schema'

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
/**
 * What a finished download may replace: whatever file is there ('any': the user chose to
 * replace), or only the file as it was seen, by size and modification time (a sync's
 * comparison); a file changed since then is kept and the download saved beside it.
 */
export type LocalReplace = 'any' | { readonly size: number; readonly mtimeMs: number }

export type QueuedRecord = TransferRef & {
  readonly kind: 'queued'
  readonly name: string
  readonly localPath: string | null
  readonly bytesTotal: number | null
  readonly work:
    | { readonly type: 'upload-file'; readonly path: string; readonly stagedId: string | null }
    | { readonly type: 'upload-folder' }
    | {
        readonly type: 'download-file'
        readonly localPath: string
        readonly size: number | null
        /** Set when the download replaces the file at `localPath` (absent: it never does). */
        readonly replace?: LocalReplace
      }
    | { readonly type: 'download-folder'; readonly localPath: string }
}

export type JournalRecord = UploadRecord | DownloadRecord | QueuedRecord

export type RecordOf<K extends JournalRecord['kind']> = Extract<JournalRecord, { kind: K }>

export type Journal = {
  /** Reads the files once; later calls return the same records. */
  load(): Promise<readonly JournalRecord[]>
  /** The transfer's record if it is of this kind (a queued record is no upload to continue). */
  get<K extends JournalRecord['kind']>(id: string, kind: K): RecordOf<K> | undefined
  put(record: JournalRecord): void
  /**
   * The upload's record now holding `part`, which the server acknowledged: resolves once the part
   * is on disk (appended and fsynced), so a crash after that never sends it again.
   */
  addPart(record: UploadRecord, part: JournalPart): Promise<void>
  remove(id: string): void
  /** Resolves once everything put or removed so far is on disk. */
  save(): Promise<void>
  /** Saves within a moment, once for a burst of changes (queued transfers coming and going). */
  saveSoon(): void
}

/** How long `saveSoon` gathers changes. */
const SAVE_SOON_MS = 500

export const JOURNAL_FILE = 'transfers.json'
/** Parts acknowledged since transfers.json was last written, one JSON line each. */
export const PARTS_FILE = 'transfers.parts'

const readText = async (file: string): Promise<string> =>
  readFile(file, 'utf8').catch((error: unknown) => {
    if ((error as { code?: string }).code === 'ENOENT') return ''
    throw error
  })

/**
 * The records on disk as the next start would see them (transfers.json with transfers.parts
 * folded in), read without changing anything: for tests and tools.
 */
export const readJournal = async (dataDir: string): Promise<JournalRecord[]> => {
  const text = await readText(path.join(dataDir, JOURNAL_FILE))
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {
    // No file yet, or a damaged one: no records.
  }
  const parsed = journalFile.safeParse(json)
  const records = new Map<string, JournalRecord>(
    (parsed.success ? parsed.data.transfers : []).map((record) => [record.id, record]),
  )
  applyPartLines(records, await readText(path.join(dataDir, PARTS_FILE)))
  return [...records.values()]
}

const recordingFailed = (error: unknown): CodedError =>
  new CodedError(
    'LOCAL_FILE_ERROR',
    `DSS Explorer could not record the upload's progress in its data folder (${(error as { code?: string }).code ?? 'write failed'}), so it stopped rather than lose track of parts. Free some disk space, then resume.`,
  )

export const createJournal = (
  dataDir: string,
  onSetAside: OnSetAside = () => undefined,
): Journal => {
  const file = path.join(dataDir, JOURNAL_FILE)
  const partsFile = path.join(dataDir, PARTS_FILE)
  const records = new Map<string, JournalRecord>()
  let loaded: Promise<readonly JournalRecord[]> | null = null
  /** Writes of either file, one at a time and in order. */
  let chain: Promise<void> = Promise.resolve()
  let queued: Promise<void> | null = null
  let soon: NodeJS.Timeout | null = null
  /** Whether transfers.parts may hold lines (so a save truncates it). */
  let partLines = true

  const inOrder = (write: () => Promise<void>): Promise<void> => {
    const next = chain.then(write)
    chain = next.catch(() => undefined)
    return next
  }

  /** transfers.json as it stands in memory, and transfers.parts emptied (it is all in there). */
  const writeWhole = async (): Promise<void> => {
    const content: { readonly version: 1; readonly transfers: readonly JournalRecord[] } = {
      version: 1,
      transfers: [...records.values()],
    }
    await writeJsonAtomic(file, content)
    if (partLines) {
      await truncate(partsFile, 0).catch((error: unknown) => {
        if ((error as { code?: string }).code !== 'ENOENT') throw error
      })
      partLines = false
    }
  }

  const readParts = async (): Promise<void> => {
    const text = await readText(partsFile)
    if (!text) return
    const { damaged } = applyPartLines(records, text)
    // Lines that do not parse were not written by us: keep them for a person, go on without.
    if (damaged) await setAsideFile(partsFile, onSetAside)
  }

  const load = (): Promise<readonly JournalRecord[]> => {
    loaded ??= (async () => {
      const content = await readValidated(
        file,
        journalFile,
        EMPTY_JOURNAL,
        onSetAside,
        salvageJournal,
      ).catch(async () => {
        // Unreadable (permissions): moved out of the way if it can be, never overwritten.
        await setAsideFile(file, onSetAside).catch(() => undefined)
        return EMPTY_JOURNAL
      })
      for (const record of content.transfers) {
        if (!records.has(record.id)) records.set(record.id, record)
      }
      await readParts().catch(() => undefined)
      return [...records.values()]
    })()
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
    addPart(record, part) {
      // An upload given up meanwhile (cancelled, started over) is not brought back by its part.
      const known = records.get(record.id)
      if (known?.kind !== 'upload' || known.uploadId !== record.uploadId) return Promise.resolve()
      records.set(record.id, record)
      return inOrder(async () => {
        await load()
        partLines = true
        const handle = await open(partsFile, 'a', PRIVATE_FILE_MODE)
        try {
          const created = (await handle.stat()).size === 0
          await handle.write(partLineText(record, part))
          await handle.sync()
          // A file just made is durable only once its folder's entry is.
          if (created) await syncDir(dataDir)
        } finally {
          await handle.close()
        }
      }).catch((error: unknown) => {
        throw recordingFailed(error)
      })
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
      // A burst of saves while one is writing becomes one more write.
      if (queued) return queued
      const next = inOrder(async () => {
        queued = null
        // Never write before reading: that would drop the records of the last run.
        await load()
        await writeWhole()
      })
      queued = next
      return next
    },
  }
  return journal
}
