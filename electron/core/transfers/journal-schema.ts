/**
 * What the journal's two files may hold, as schemas (a record that does not parse is never
 * resumed), and how the appended part lines are folded into the records they belong to.
 */
import { z } from 'zod'
import type { JournalPart, JournalRecord, UploadRecord } from './journal'

const ref = {
  id: z.string().min(1),
  batchId: z.string(),
  accountId: z.string().min(1),
  bucket: z.string().min(1),
  key: z.string(),
}

const part = z.object({
  number: z.number().int().min(1).max(10_000),
  etag: z.string(),
  md5: z.string().regex(/^[0-9a-f]{32}$/),
}) satisfies z.ZodType<JournalPart>

const count = z.number().int().min(0)
const pair = z.tuple([count, count])

const upload = z.object({
  kind: z.literal('upload'),
  ...ref,
  name: z.string(),
  path: z.string().min(1),
  stagedId: z.string().nullable(),
  size: count,
  mtimeMs: z.number(),
  contentType: z.string(),
  uploadId: z.string().min(1),
  partSize: z.number().int().min(1),
  parts: z.array(part),
})

const download = z.object({
  kind: z.literal('download'),
  ...ref,
  localPath: z.string().min(1),
  etag: z.string(),
  size: count,
  chunkSize: z.number().int().min(1).optional(),
  chunks: z.array(pair).optional(),
  partial: z.array(pair).optional(),
})

const queued = z.object({
  kind: z.literal('queued'),
  ...ref,
  name: z.string(),
  localPath: z.string().nullable(),
  bytesTotal: count.nullable(),
  work: z.discriminatedUnion('type', [
    z.object({ type: z.literal('upload-file'), path: z.string(), stagedId: z.string().nullable() }),
    z.object({ type: z.literal('upload-folder') }),
    z.object({
      type: z.literal('download-file'),
      localPath: z.string(),
      size: count.nullable(),
      replace: z
        .union([z.literal('any'), z.object({ size: count, mtimeMs: z.number() })])
        .optional(),
    }),
    z.object({ type: z.literal('download-folder'), localPath: z.string() }),
  ]),
})

export const journalRecord = z.discriminatedUnion('kind', [
  upload,
  download,
  queued,
]) satisfies z.ZodType<JournalRecord>

export const journalFile = z.object({ version: z.literal(1), transfers: z.array(journalRecord) })

export type JournalFile = z.output<typeof journalFile>

export const EMPTY_JOURNAL: JournalFile = { version: 1, transfers: [] }

/** The records that parse, from a file where some do not. */
export const salvageJournal = (json: unknown): JournalFile | null => {
  const listed = z.object({ transfers: z.array(z.unknown()) }).safeParse(json)
  if (!listed.success) return null
  return {
    version: 1,
    transfers: listed.data.transfers.flatMap((entry) => {
      const record = journalRecord.safeParse(entry)
      return record.success ? [record.data] : []
    }),
  }
}

/** One line of transfers.parts: a part the server acknowledged for an upload. */
const partLine = z.object({ id: z.string().min(1), uploadId: z.string().min(1), part })

export type PartLine = z.output<typeof partLine>

export const partLineText = (record: UploadRecord, added: JournalPart): string =>
  `${JSON.stringify({ id: record.id, uploadId: record.uploadId, part: added } satisfies PartLine)}\n`

/**
 * Folds part lines into the records: a part counts for the record of its id when that record is
 * still the same upload (same upload id) and lacks it. Lines of uploads since finished, or begun
 * again under a new upload id, are old news and skipped. `damaged` is true when a line other than
 * an unfinished last one (a crash in the middle of an append) does not parse.
 */
export const applyPartLines = (
  records: Map<string, JournalRecord>,
  text: string,
): { applied: number; damaged: boolean } => {
  // The last piece is '' after a final newline, or a line whose append never finished.
  const finished = text.split('\n').slice(0, -1)
  let applied = 0
  let damaged = false
  for (const line of finished) {
    if (line.trim() === '') continue
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      damaged = true
      continue
    }
    const parsed = partLine.safeParse(json)
    if (!parsed.success) {
      damaged = true
      continue
    }
    const { id, uploadId, part: arrived } = parsed.data
    const record = records.get(id)
    if (record?.kind !== 'upload' || record.uploadId !== uploadId) continue
    if (record.parts.some((known) => known.number === arrived.number)) continue
    records.set(id, { ...record, parts: [...record.parts, arrived] })
    applied += 1
  }
  return { applied, damaged }
}
