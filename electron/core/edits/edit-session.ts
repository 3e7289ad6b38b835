/**
 * One object open for editing: fetched into a private folder, handed to the system's app, and
 * every save there uploaded — after a HEAD shows the server copy is still the one fetched (or
 * last saved); when it is not, the save waits for the user's name-clash choice.
 */
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import { createWriteStream, watch, type FSWatcher } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { EditSession, EditState } from '../../../shared/edits'
import { CodedError, type AppError } from '../../../shared/errors'
import type { NameClashPolicy } from '../../../shared/name-clash'
import { baseName, parentPrefix } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import { toAppError } from '../error-mapper'
import type { EventBus } from '../event-bus'
import { s3Call } from '../s3-call'
import { createTransferWatch } from '../sync/transfer-watch'
import { localError } from '../transfers/file-source'
import { safeSegment } from '../transfers/local-path'
import type { TransferService } from '../transfers/transfer-service'
import type { OpenFile } from './open-with-os'

export type EditDeps = {
  readonly connection: (accountId: string) => Promise<Connection>
  readonly transfers: Pick<TransferService, 'upload'>
  readonly events: EventBus
  readonly openFile: OpenFile
  /** A folder of this session's own; removed when editing ends. */
  readonly folder: string
  readonly changed: (session: EditSession) => void
  /** Quiet time after a file event before the file is looked at (editors write in bursts). */
  readonly settleMs?: number
}

export type EditRef = { readonly accountId: string; readonly bucket: string; readonly key: string }

export type EditSessionControl = {
  snapshot(): EditSession
  /** Fetches and opens the object; resolves once it is open (or failed). */
  start(): Promise<void>
  resolve(choice: NameClashPolicy): Promise<void>
  /** Ends editing: waits for a save under way, then removes the copy. */
  stop(): Promise<void>
}

type Seen = { readonly size: number; readonly mtimeMs: number }

const sameFile = (a: Seen | null, b: Seen | null): boolean =>
  a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs

const errorOf = (error: unknown, connection: Connection | null, ref: EditRef): AppError =>
  error instanceof CodedError
    ? { code: error.code, message: error.message }
    : toAppError(error, { endpoint: connection?.endpoint, bucket: ref.bucket, key: ref.key })

export const createEditSession = (id: string, ref: EditRef, deps: EditDeps): EditSessionControl => {
  const file = path.join(deps.folder, safeSegment(baseName(ref.key)) || 'file')
  const settleMs = deps.settleMs ?? 300
  let key = ref.key
  let state: EditState = 'opening'
  let saves = 0
  let lastSavedAt: string | null = null
  let error: AppError | null = null
  /** The server copy the next save may replace. */
  let etag: string | null = null
  /** The file as last fetched or uploaded: a save is a file that differs from it. */
  let known: Seen | null = null
  let connection: Connection | null = null
  let watcher: FSWatcher | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  /** The save being looked at or uploaded; another file event meanwhile is looked at after it. */
  let busy: Promise<void> | null = null
  let again = false
  const stopping = new AbortController()

  const snapshot = (): EditSession => ({
    id,
    accountId: ref.accountId,
    bucket: ref.bucket,
    key,
    name: baseName(key),
    state,
    saves,
    lastSavedAt,
    error,
  })
  const set = (next: EditState, problem: AppError | null = error): void => {
    state = next
    error = problem
    deps.changed(snapshot())
  }

  const seen = async (): Promise<Seen | null> =>
    stat(file).then(
      (info) => ({ size: info.size, mtimeMs: info.mtimeMs }),
      () => null,
    )

  const serverEtag = async (conn: Connection): Promise<string | null> =>
    s3Call(conn, { bucket: ref.bucket, key }, () =>
      conn.client.send(new HeadObjectCommand({ Bucket: ref.bucket, Key: key })),
    ).then(
      (head) => head.ETag ?? null,
      (failure: unknown) => {
        // Deleted on the server meanwhile: a save would bring it back, so it is a clash too.
        const code = failure instanceof CodedError ? failure.code : null
        if (code === 'NO_SUCH_KEY' || code === 'NOT_FOUND') return null
        throw failure
      },
    )

  /** Uploads the file through the transfer queue; resolves with the key it was written to. */
  const upload = async (policy: NameClashPolicy): Promise<string> => {
    const watch = createTransferWatch(deps.events)
    try {
      const batch = await deps.transfers.upload({
        accountId: ref.accountId,
        bucket: ref.bucket,
        prefix: parentPrefix(key),
        files: [{ source: { kind: 'path', path: file }, relativeKey: baseName(key) }],
        folders: [],
        conflict: policy,
      })
      if (batch.created === 0) return key
      watch.expect(batch.batchId, batch.created)
      await watch.settled(stopping.signal)
      const [done] = watch.snapshots()
      if (done?.state !== 'done') {
        throw new CodedError(
          done?.error?.code ?? 'UNKNOWN',
          done?.error?.message ?? `The save of "${baseName(key)}" was not uploaded.`,
        )
      }
      return done.key
    } finally {
      watch.close()
    }
  }

  /** Sends the file as it is now with `policy`, and remembers what the server holds after. */
  const send = async (conn: Connection, policy: NameClashPolicy): Promise<void> => {
    set('saving', null)
    const before = await seen()
    key = await upload(policy)
    etag = await serverEtag(conn)
    known = before
    saves += 1
    lastSavedAt = new Date().toISOString()
    set('editing', null)
  }

  /** A file event: if the file differs from what was last sent, it is a save to upload. */
  const look = async (): Promise<void> => {
    const now = await seen()
    if (now === null || sameFile(now, known) || state !== 'editing' || !connection) return
    try {
      set('saving', null)
      if ((await serverEtag(connection)) !== etag) {
        set('conflict', {
          code: 'NAME_CLASH',
          message: `"${baseName(key)}" was changed on the server since you opened it. Replace it with your version, keep both, or skip this save.`,
        })
        return
      }
      await send(connection, 'overwrite')
    } catch (failure) {
      if (stopping.signal.aborted) return
      // The edit goes on: the next save tries again.
      set('editing', errorOf(failure, connection, { ...ref, key }))
    }
  }

  const schedule = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      if (busy) {
        again = true
        return
      }
      const run = async (): Promise<void> => {
        do {
          again = false
          await look()
        } while (again && !stopping.signal.aborted)
      }
      busy = run().finally(() => {
        busy = null
      })
    }, settleMs)
  }

  return {
    snapshot,
    async start() {
      try {
        connection = await deps.connection(ref.accountId)
        const conn = connection
        await mkdir(deps.folder, { recursive: true, mode: 0o700 })
        const answer = await s3Call(conn, ref, () =>
          conn.client.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }), {
            abortSignal: stopping.signal,
          }),
        )
        await pipeline(answer.Body as Readable, createWriteStream(file, { mode: 0o600 })).catch(
          (failure: unknown) => {
            throw localError(failure, `write "${file}"`)
          },
        )
        etag = answer.ETag ?? null
        known = await seen()
        // Watched before it opens: an app that saves at once is not missed.
        watcher = watch(deps.folder, () => schedule())
        await deps.openFile(file)
        set('editing', null)
      } catch (failure) {
        watcher?.close()
        await rm(deps.folder, { recursive: true, force: true })
        set('failed', errorOf(failure, connection, ref))
      }
    },
    async resolve(choice) {
      if (state !== 'conflict' || !connection) return
      const conn = connection
      if (choice === 'skip') {
        known = await seen()
        set('editing', null)
        return
      }
      try {
        await send(conn, choice)
      } catch (failure) {
        set('conflict', errorOf(failure, conn, { ...ref, key }))
      }
    },
    async stop() {
      if (timer) clearTimeout(timer)
      watcher?.close()
      await busy
      stopping.abort()
      await rm(deps.folder, { recursive: true, force: true })
      set('stopped', null)
    },
  }
}
