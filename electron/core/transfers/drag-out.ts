/**
 * Dragging an object from the table to the desktop (Electron): the OS wants a file that exists
 * the moment the drag starts, so the objects of the selection are fetched ahead, into a private
 * temporary folder under their own safe names, and a drag takes the file that is ready. Only files
 * up to DRAG_OUT_MAX_BYTES: a bigger one is refused with a word about Download, which does it
 * better.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { DRAG_PREPARE_MAX_KEYS } from '../../../shared/contract'
import { CodedError } from '../../../shared/errors'
import { baseName, isFolderKey, keyProblem } from '../../../shared/s3-keys'
import { formatBytes } from '../../../shared/sizes'
import type { Connection } from '../accounts'
import { toAppError } from '../error-mapper'
import { s3Call } from '../s3-call'
import { localError } from './file-source'
import { createPartFile, drainInto, type PartState } from './part-file'
import { safeSegment } from './local-path'
import { bareEtag, isPlainMd5 } from './part-plan'

/** Fetched just because it was selected, so kept small. */
export const DRAG_OUT_MAX_BYTES = 64 * 1024 * 1024

/** The selection must rest this long before its objects are fetched: arrowing down a list fetches nothing. */
export const DRAG_SETTLE_MS = 250

const NEVER = new AbortController().signal

export type ObjectRef = {
  readonly accountId: string
  readonly bucket: string
  readonly key: string
}

/** What a drag that starts now can carry. */
export type DragLookup =
  | { readonly state: 'ready'; readonly file: string }
  | { readonly state: 'fetching' | 'refused'; readonly message: string }

export type DragOut = {
  /** Fetches the object and resolves with the local file to drag. */
  prepare(ref: ObjectRef, signal?: AbortSignal): Promise<string>
  /**
   * The selection changed: once it rests, its first objects are fetched ahead; objects that left
   * it are no longer fetched (a file already handed to a drag stays until dispose).
   */
  follow(refs: readonly ObjectRef[]): void
  /**
   * Synchronous, for a drag that is starting: the fetched file, or what to tell the user. An
   * object not fetched yet (dragged without being selected) is fetched for the next try; a
   * refusal is said once, and the next try starts over.
   */
  lookup(ref: ObjectRef): DragLookup
  /** Stops every fetch and removes every file prepared so far. */
  dispose(): Promise<void>
}

type Entry = {
  readonly controller: AbortController
  state: DragLookup
}

const refId = ({ accountId, bucket, key }: ObjectRef): string =>
  JSON.stringify([accountId, bucket, key])

type DragOutOptions = {
  readonly connection: (accountId: string) => Promise<Connection>
  /** A folder of its own; removed by dispose. */
  readonly folder: string
  readonly maxBytes?: number
  /** Tests shorten the selection's rest. */
  readonly settleMs?: number
}

/** What makes a key undraggable before anything is fetched. */
const refusalOf = (key: string): CodedError | null => {
  const problem = keyProblem(key)
  if (problem) return new CodedError('INVALID_KEY', problem)
  if (isFolderKey(key)) {
    return new CodedError('INVALID_REQUEST', 'Folders cannot be dragged out; use Download.')
  }
  return null
}

const fetchToFile = async (
  options: DragOutOptions,
  { accountId, bucket, key }: ObjectRef,
  signal: AbortSignal,
): Promise<string> => {
  const refusal = refusalOf(key)
  if (refusal) throw refusal
  const connection = await options.connection(accountId)
  // Each drag gets its own folder: the file keeps the object's name, and never replaces one.
  const folder = path.join(options.folder, randomUUID())
  const file = path.join(folder, safeSegment(baseName(key)))
  await mkdir(folder, { recursive: true }).catch((error: unknown) => {
    throw localError(error, `create the folder ${folder}`)
  })
  try {
    await s3Call(connection, { bucket, key }, async () => {
      const answer = await connection.client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key }),
        { abortSignal: signal },
      )
      const body = answer.Body as Readable
      const size = answer.ContentLength ?? 0
      const limit = options.maxBytes ?? DRAG_OUT_MAX_BYTES
      if (size > limit) {
        body.destroy()
        throw new CodedError(
          'INVALID_REQUEST',
          `"${baseName(key)}" is ${formatBytes(size)}: drag files up to ${formatBytes(limit)} out, or use Download.`,
        )
      }
      // Written like any download: in batches, every byte hashed, a full disk said as such.
      const part = createPartFile(`${file}.part`, false, (error) =>
        localError(error, `write ${file}`),
      )
      const state: PartState = { position: 0, hash: createHash('md5'), record: null }
      try {
        await part.touch()
        await drainInto(body, part, state, { signal, progress: () => undefined })
      } finally {
        await part.close()
      }
      const etag = bareEtag(answer.ETag)
      if (state.position !== size || (isPlainMd5(etag) && state.hash.digest('hex') !== etag)) {
        throw new CodedError('CHECKSUM_MISMATCH', `"${baseName(key)}" arrived damaged; try again.`)
      }
    })
    await rename(`${file}.part`, file)
    return file
  } catch (error) {
    await rm(folder, { recursive: true, force: true })
    throw error
  }
}

export const createDragOut = (options: DragOutOptions): DragOut => {
  const entries = new Map<string, Entry>()
  let settle: NodeJS.Timeout | undefined

  const start = (ref: ObjectRef): Entry => {
    const controller = new AbortController()
    const refusal = refusalOf(ref.key)
    const name = baseName(ref.key)
    const entry: Entry = {
      controller,
      state: refusal
        ? { state: 'refused', message: refusal.message }
        : {
            state: 'fetching',
            message: `"${name}" is still being fetched for dragging; drag it again in a moment.`,
          },
    }
    entries.set(refId(ref), entry)
    if (refusal) return entry
    fetchToFile(options, ref, controller.signal).then(
      (file) => (entry.state = { state: 'ready', file }),
      (error: unknown) => (entry.state = { state: 'refused', message: toAppError(error).message }),
    )
    return entry
  }

  const stop = (id: string, entry: Entry): void => {
    entries.delete(id)
    entry.controller.abort()
  }

  return {
    prepare: (ref, signal = NEVER) => fetchToFile(options, ref, signal),
    follow(refs) {
      const wanted = new Map(refs.slice(0, DRAG_PREPARE_MAX_KEYS).map((ref) => [refId(ref), ref]))
      for (const [id, entry] of entries) if (!wanted.has(id)) stop(id, entry)
      clearTimeout(settle)
      settle = setTimeout(() => {
        for (const [id, ref] of wanted) if (!entries.has(id)) start(ref)
      }, options.settleMs ?? DRAG_SETTLE_MS)
    },
    lookup(ref) {
      const id = refId(ref)
      const entry = entries.get(id) ?? start(ref)
      if (entry.state.state === 'refused') entries.delete(id)
      return entry.state
    },
    async dispose() {
      clearTimeout(settle)
      for (const [id, entry] of entries) stop(id, entry)
      await rm(options.folder, { recursive: true, force: true })
    },
  }
}
