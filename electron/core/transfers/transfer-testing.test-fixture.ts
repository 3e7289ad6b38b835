/** Helpers for the transfer tests: commands on a real core, waiting for the queue, files on disk. */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open } from 'node:fs/promises'
import path from 'node:path'
import type { TransferSnapshot, TransfersList } from '../../../shared/transfers'
import type { CommandResponse } from '../../../shared/contract'
import type { Caller } from '../testing/caller'
import type { FileIdentity } from './file-source'
import { readJournal, type UploadRecord } from './journal'
import type { TaskContext } from './transfer-task'

export { callerFor, type Caller } from '../testing/caller'
export {
  closeTransferBed,
  connectionTo,
  directClientOf,
  openTransferBed,
  startTransferCore,
} from '../testing/transfer-core'

export type Endpoint = {
  readonly endpoint: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly caFile: string
}

export const saveAccount = async (call: Caller, bed: Endpoint, rateLimit = 100) =>
  (
    await call('accounts.save', {
      draft: {
        name: 'Transfers',
        kind: 'custom',
        endpoint: bed.endpoint,
        accessKeyId: bed.accessKeyId,
        secretAccessKey: bed.secretAccessKey,
        caFile: bed.caFile,
        rateLimit,
      },
    })
  ).id

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until `done` holds for the list (default: nothing queued or running). */
export const waitForTransfers = async (
  call: Caller,
  done: (list: TransfersList) => boolean = (list) =>
    list.totals.counts.queued + list.totals.counts.running === 0,
  timeoutMs = 120_000,
): Promise<TransfersList> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const list = await call('transfers.list', {})
    if (done(list)) return list
    if (Date.now() > deadline) {
      throw new Error(`transfers did not settle: ${JSON.stringify(list.totals.counts)}`)
    }
    await sleep(50)
  }
}

export const transferOf = (list: TransfersList, key: string): TransferSnapshot => {
  const found = list.transfers.filter((transfer) => transfer.key === key).at(-1)
  if (!found) throw new Error(`no transfer for ${key}`)
  return found
}

export const md5OfFile = async (file: string): Promise<string> => {
  const hash = createHash('md5')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export const md5Of = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex')

/** A file of random bytes, written a MiB at a time. */
export const writeRandomFile = async (file: string, size: number): Promise<void> => {
  await mkdir(path.dirname(file), { recursive: true })
  const handle = await open(file, 'w')
  try {
    for (let at = 0; at < size; at += 1024 * 1024) {
      await handle.write(randomBytes(Math.min(1024 * 1024, size - at)))
    }
  } finally {
    await handle.close()
  }
}

export const MIB = 1024 * 1024

/** Queues one local file for upload to `bucket/key`, overwriting. */
export const uploadFile = (
  call: Caller,
  accountId: string,
  bucket: string,
  file: string,
  key: string,
): Promise<CommandResponse<'transfers.upload'>> =>
  call('transfers.upload', {
    accountId,
    bucket,
    prefix: '',
    files: [{ source: { kind: 'path', path: file }, relativeKey: key }],
    folders: [],
    conflict: 'overwrite',
  })

/** The multipart uploads the journal in a data folder holds on disk ([] when it has none). */
export const readUploadRecords = async (dataDir: string): Promise<UploadRecord[]> =>
  (await readJournal(dataDir)).filter((record): record is UploadRecord => record.kind === 'upload')

/** Polls `probe` until it gives something other than null. */
export const until = async <T>(probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== null) return value
    if (Date.now() > deadline) throw new Error('timed out')
    await sleep(20)
  }
}

/** The journal record of `key` once it holds at least `parts` finished parts. */
export const journaledWith = (dataDir: string, key: string, parts: number) =>
  until(async () => {
    const record = (await readUploadRecords(dataDir)).find((candidate) => candidate.key === key)
    return record && record.parts.length >= parts ? record : null
  })

/** Resolves once a log (the emulator's) has had nothing new for a while: stray requests are over. */
export const quiet = async (log: () => readonly unknown[], forMs = 600): Promise<void> => {
  let seen = -1
  let since = Date.now()
  for (;;) {
    const count = log().length
    if (count !== seen) {
      seen = count
      since = Date.now()
    } else if (Date.now() - since >= forMs) return
    await sleep(50)
  }
}

/** A task context nobody watches, for driving an upload or download step directly. */
export const unwatchedContext = (): TaskContext => ({
  signal: new AbortController().signal,
  progress: () => undefined,
  setDone: () => undefined,
  setTotal: () => undefined,
  note: () => undefined,
})

/** A fresh multipart upload's record (no upload id yet) of `file` as `key` in `bucket`. */
export const multipartRecordOf = (
  target: { readonly file: string; readonly bucket: string; readonly key: string },
  identity: FileIdentity,
  partSize: number,
): Omit<UploadRecord, 'uploadId' | 'parts'> => ({
  kind: 'upload',
  id: target.key,
  batchId: 'b',
  accountId: 'a',
  bucket: target.bucket,
  key: target.key,
  name: path.basename(target.file),
  path: target.file,
  stagedId: null,
  size: identity.size,
  mtimeMs: identity.mtimeMs,
  contentType: 'application/octet-stream',
  partSize,
})
